// Writes schemas/simplan.schema.json, the JSON schema of change plans, from the plan action
// table (src/core/plans/planSchema.ts, as built into out/ by `npm run build`). The unit tests
// fail when the file and the table disagree; run this after changing the table.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { planSchemaText } = require(path.join(root, 'out', 'src', 'core', 'plans', 'planSchema.js'));
mkdirSync(path.join(root, 'schemas'), { recursive: true });
writeFileSync(path.join(root, 'schemas', 'simplan.schema.json'), planSchemaText());
console.log('schemas/simplan.schema.json written');
