// `npm start`: the extension under development in a real VS Code served by code-server on
// 127.0.0.1, for machines without a desktop VS Code. Open the printed address in a browser
// (forward the port when the machine is remote). Runs until Ctrl+C, then stops code-server.
//
// Options: --port N (default: a free port), --folder DIR (workspace to open), --watch (rebuild on
// change; reload the window to pick it up), --no-build. SIM_FLEET_DEMO defaults to 1 so the
// extension opens its demo fleet on start; set SIM_FLEET_DEMO=0 to start signed out.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isCodeServerInstalled, onCleanup, repoRoot, startCodeServer } from './vscode-host.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
    watch: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

function runOrExit(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!isCodeServerInstalled()) runOrExit('bash', ['scripts/setup-code-server.sh']);
if (!opts['no-build']) runOrExit(process.execPath, ['esbuild.mjs']);

if (opts.watch) {
  const watcher = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: repoRoot, stdio: 'inherit' });
  onCleanup(() => watcher.kill());
}

// A persistent profile under the ignored .vscode-test/ keeps settings and layout between runs.
const base = path.join(repoRoot, '.vscode-test', 'start');
const workspace = path.resolve(opts.folder ?? path.join(base, 'workspace'));
mkdirSync(workspace, { recursive: true });

const server = await startCodeServer({
  userDataDir: path.join(base, 'user-data'),
  workspace,
  port: opts.port ? Number(opts.port) : undefined,
  env: { SIM_FLEET_DEMO: process.env.SIM_FLEET_DEMO ?? '1' },
});

console.log(`
SIM Fleet is running in VS Code (code-server) at:

  ${server.devUrl()}

code-server log: ${server.logFile}
Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => (stopping = true));
const code = await server.exited;
if (stopping) await new Promise(() => {}); // the cleanup handler exits once everything is stopped
console.error(`code-server exited (${code}); see ${server.logFile}`);
process.exit(1);
