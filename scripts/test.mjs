// `npm test`: build, then the plain-Node unit tests. Later stages add the real VS Code runs.
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status ?? 1;
}

let failed = run('npm', ['run', 'build']);
if (!failed) failed = run(process.execPath, ['--test', '--test-reporter=spec', 'out/test/unit/']);
process.exit(failed ? 1 : 0);
