/**
 * Loaded by VS Code as the extension tests module (code-server, real extension host): times
 * `activate()` of SIM Fleet with no account, so nothing on its path touches the network,
 * and writes { activateMs, wasActive } to the file named by SIM_FLEET_BENCH_RESULT.
 */
import * as vscode from 'vscode';
import { writeFileSync } from 'node:fs';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('simfleet.sim-fleet');
  if (!ext) throw new Error('SIM Fleet is not installed in this VS Code');
  const wasActive = ext.isActive;
  const started = performance.now();
  await ext.activate();
  const activateMs = performance.now() - started;
  const target = process.env.SIM_FLEET_BENCH_RESULT;
  if (target) writeFileSync(target, JSON.stringify({ activateMs, wasActive }));
}
