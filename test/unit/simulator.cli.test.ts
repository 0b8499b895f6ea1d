import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { call } from './helpers/simRequest';
import type { SimulatorInfo } from '../../src/simulator/index';

// The CLI is what `npm run simulator` and the e2e runs start; build it as they do.
const root = process.cwd();
spawnSync(process.execPath, ['esbuild.mjs', '--only', 'simulator'], { cwd: root, stdio: 'inherit' });

test('the CLI prints exactly one JSON line with the endpoints and credentials, serves, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['dist/simulator.js', '--port', '0', '--cards', '500', '--seed', '9', '--work-order-ms', '100'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve) => lines.once('line', resolve));
  const info = JSON.parse(first) as SimulatorInfo;
  for (const k of ['endpoint', 'iamEndpoint', 'adminEndpoint', 'ak', 'sk', 'projectId', 'domain', 'user', 'password'] as const) assert.equal(typeof info[k], 'string', k);
  assert.deepEqual([info.cards, info.seed], [500, 9]);
  assert.match(info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
  const r = await call(info, 'GET', '/v1/sim-cards');
  assert.equal((r.json as { count: number }).count, 500);
  const extra: string[] = [];
  lines.on('line', (l) => extra.push(l));
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  assert.equal(code, 0);
  assert.deepEqual(extra, [], 'nothing else on stdout');
});

test('invalid arguments give a message on stderr and exit code 2', () => {
  for (const args of [['--cards', 'many'], ['--bogus'], ['--port', '70000']]) {
    const r = spawnSync(process.execPath, ['dist/simulator.js', ...args], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2, args.join(' '));
    assert.ok(r.stderr.length > 0);
    assert.equal(r.stdout, '');
  }
});
