// A GSL simulator run as its own process (as a real account is reached: another server), and
// signing in to it through the palette as a person does.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { repoRoot } from '../../../scripts/vscode-host.mjs';
import { expect, type Journey } from './fixtures';
import { answer, pick, quickInputBox, waitForQuickInput } from './workbench';

/** What `node dist/simulator.js` prints when it is ready. */
export interface Simulator {
  endpoint: string;
  iamEndpoint: string;
  ak: string;
  sk: string;
  projectId: string;
  domain: string;
  user: string;
  password: string;
  projectName: string;
}

/** Starts `node dist/simulator.js` and reads the one JSON line it prints when ready. */
export async function startSimulatorProcess(journey: Journey, { cards = 500, seed = 3 }: { cards?: number; seed?: number } = {}): Promise<Simulator> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'simulator.js'), '--port', '0', '--cards', String(cards), '--seed', String(seed)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  journey.onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready: ${stderr}`)));
    setTimeout(() => reject(new Error('the simulator printed nothing within 30 s')), 30_000).unref();
  });
  return JSON.parse(line) as Simulator;
}

/** Answers the sign-in questions for an access key. */
export async function signInAkSk(page: Page, sim: Simulator) {
  await pick(page, 'Access key (AK/SK)', { title: /Sign In to GSL|How do you want to sign in/ });
  await answer(page, sim.endpoint, { title: /GSL endpoint/ });
  await answer(page, sim.ak, { title: /Access key ID/ });
  await waitForQuickInput(page, /Secret access key/);
  await expect(quickInputBox(page), 'the secret key box hides what is typed').toHaveAttribute('type', 'password');
  await answer(page, sim.sk);
  await answer(page, sim.projectId, { title: /Project ID/ });
}

