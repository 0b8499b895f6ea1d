// Where the journeys put things, and the switches that change it (read by the fixtures and the
// global setup alike).
import * as path from 'node:path';
import { repoRoot } from '../../../scripts/vscode-host.mjs';

/** Every journey's screenshots: test-results/e2e/<journey>/. */
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
/** The README's screenshots. */
export const docsDir = path.join(repoRoot, 'docs', 'screenshots');
/** SIM_FLEET_UPDATE_SCREENSHOTS=1 (`node scripts/run-e2e.mjs --update-screenshots`) rewrites docs/screenshots/. */
export const updateDocs = process.env.SIM_FLEET_UPDATE_SCREENSHOTS === '1';
/** SIM_FLEET_E2E_KEEP=1 keeps every journey's temporary profile, not only the failed ones'. */
export const keepAll = process.env.SIM_FLEET_E2E_KEEP === '1';
/** The journey agent: another extension that calls SIM Fleet's language-model tools (test/e2e/agent/). */
export const agentDir = path.join(repoRoot, 'test', 'e2e', 'agent');
