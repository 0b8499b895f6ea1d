/**
 * Loaded by VS Code as the extension tests module (code-server, real extension host): times
 * `activate()` of SIM Fleet (or of SIM_FLEET_BENCH_EXTENSION) with no account, so nothing on its path touches the network,
 * and writes { activateMs, wasActive } to the file named by SIM_FLEET_BENCH_RESULT.
 */
import * as vscode from 'vscode';
import { writeFileSync } from 'node:fs';

export async function run(): Promise<void> {
  const id = process.env.SIM_FLEET_BENCH_EXTENSION ?? 'simfleet.sim-fleet';
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`${id} is not installed in this VS Code`);
  const wasActive = ext.isActive;
  const started = performance.now();
  await ext.activate();
  const activateMs = performance.now() - started;
  const target = process.env.SIM_FLEET_BENCH_RESULT;
  if (target) writeFileSync(target, JSON.stringify({ activateMs, wasActive }));
}
