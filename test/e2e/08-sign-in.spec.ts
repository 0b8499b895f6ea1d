// Sign in to a GSL simulator run as its own process (as a real account would be reached): with an
// access key (AK/SK), sign out, with an IAM user and password, sign out; then look everywhere VS Code
// keeps things (settings, state databases, global storage, logs, the output channel, the browser's
// storage) for the secret key, the password and the IAM token: none may be left.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Journey } from './lib/fixtures';
import { signInAkSk, startSimulatorProcess, type Simulator } from './lib/simulator';
import {
  answer,
  filesUnder,
  fleetLog,
  openFleetView,
  pick,
  quickInputBox,
  reloadWindow,
  runCommand,
  sidebar,
  statusBar,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  welcome,
} from './lib/workbench';

test.use({ demo: false });

/** Every place under the user data folder (and the browser's storage) where `needle` occurs. */
async function whereIs(page: Page, journey: Journey, needle: string) {
  const hits: string[] = [];
  const bytes = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  for (const file of filesUnder(journey.userDataDir)) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue;
    }
    if (data.includes(bytes) || data.includes(utf16)) hits.push(path.relative(journey.userDataDir, file));
  }
  try {
    if (readFileSync(journey.consoleLog, 'utf8').includes(needle)) hits.push('browser console');
  } catch {
    // no console log yet
  }
  const inBrowser = await page.evaluate(async (n) => {
    const found: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const k = store.key(i) ?? '';
        if (k.includes(n) || (store.getItem(k) ?? '').includes(n)) found.push(`webStorage:${k}`);
      }
    }
    const dbs = (await indexedDB.databases?.()) ?? [];
    for (const info of dbs) {
      if (!info.name) continue;
      const name = info.name;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((res) => {
          const req = db.transaction(storeName).objectStore(storeName).getAll();
          req.onsuccess = () => res(req.result);
          req.onerror = () => res([]);
        });
        const text = values.map((v) => (typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : JSON.stringify(v))).join('\n');
        if (text.includes(n)) found.push(`indexedDB:${name}/${storeName}`);
      }
      db.close();
    }
    return found;
  }, needle);
  return [...hits, ...inBrowser];
}

async function signInIam(page: Page, sim: Simulator) {
  await pick(page, 'IAM user and password', { title: /Sign In to GSL|How do you want to sign in/ });
  await answer(page, sim.endpoint, { title: /GSL endpoint/ });
  await answer(page, sim.iamEndpoint, { title: /IAM endpoint/ });
  await answer(page, sim.domain, { title: /Account name/ });
  await answer(page, sim.user, { title: /IAM user name/ });
  await waitForQuickInput(page, /Password/);
  await expect(quickInputBox(page), 'the password box hides what is typed').toHaveAttribute('type', 'password');
  await answer(page, sim.password);
  await answer(page, sim.projectName, { title: /Project/ });
}

async function signOut(page: Page) {
  await runCommand(page, 'SIM Fleet: Sign Out');
  await welcome(page).getByRole('button', { name: 'Sign In' }).waitFor();
  await expect(statusBar(page), 'the status bar to say signed out').toContainText('SIM Fleet: sign in', { useInnerText: true });
}

function settingsJson(journey: Journey) {
  return readFileSync(path.join(journey.userDataDir, 'User', 'settings.json'), 'utf8');
}

test('sign in with AK/SK and with an IAM user, sign out, no secret left anywhere', async ({ page, journey }) => {
  const sim = await test.step('start a simulator process (500 cards, seed 3)', () => startSimulatorProcess(journey));
  journey.log(`simulator at ${sim.endpoint}`);
  const secrets = { 'secret key': sim.sk, password: sim.password };

  await test.step('Sign In from the welcome: AK/SK', async () => {
    await openFleetView(page);
    await welcome(page).getByRole('button', { name: 'Sign In' }).click();
    await signInAkSk(page, sim);
    await waitForNotification(page, /Signed in to GSL as/);
    const counts = await waitForGroups(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0), "the simulator's 500 cards are shown").toBe(500);
    await expect(statusBar(page), 'the status bar to show the account').toContainText(/· 500 cards/, { useInnerText: true });
    await journey.screenshot('signed-in-aksk', sidebar(page));
    const settings = settingsJson(journey);
    expect(settings, 'the endpoint is kept in settings').toContain(sim.endpoint);
    expect(settings, 'no secret key in settings.json').not.toContain(sim.sk);
    expect(settings, 'no access key in settings.json').not.toContain(sim.ak);
    journey.log(`while signed in, the secret key is kept in: ${(await whereIs(page, journey, sim.sk)).join(', ') || 'nowhere on disk or in web storage (the secret store)'}`);
  });

  await test.step('Sign Out', () => signOut(page));

  await test.step('Sign In from the palette: IAM user and password', async () => {
    await runCommand(page, 'SIM Fleet: Sign In…');
    await signInIam(page, sim);
    await waitForNotification(page, /Signed in to GSL as/);
    const counts = await waitForGroups(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0), 'the 500 cards again').toBe(500);
    await journey.screenshot('signed-in-iam', sidebar(page));
    expect(settingsJson(journey), 'no password in settings.json').not.toContain(sim.password);
  });

  await test.step('Sign Out', () => signOut(page));

  await test.step('no secret key, password or token left in settings, state, storage or logs', async () => {
    // Let VS Code write its state (it flushes on a timer and on shutdown of storage scopes).
    await reloadWindow(page);
    await openFleetView(page);
    await welcome(page).getByRole('button', { name: 'Sign In' }).waitFor();
    // The search itself must be able to find things: the endpoint is in settings on purpose.
    const control = await whereIs(page, journey, sim.endpoint);
    expect(control, 'the search finds the endpoint in settings.json').toContain(path.join('User', 'settings.json'));
    const log = fleetLog(journey.userDataDir);
    expect(log, 'the output channel log was found and read').toMatch(/Signed in as/);
    const tokens = [...new Set(log.match(/MIIDsim[\w-]+/g) ?? [])];
    expect(tokens.length, 'no IAM token in the output channel').toBe(0);
    for (const [what, value] of Object.entries(secrets)) {
      expect(await whereIs(page, journey, value), `the ${what} is not kept anywhere after sign-out`).toEqual([]);
    }
    // IAM tokens issued by the simulator start with this prefix; none may be on disk or in web storage.
    expect(await whereIs(page, journey, 'MIIDsim'), 'no IAM token kept').toEqual([]);
    writeFileSync(path.join(journey.shotsDir, 'searched-files.txt'), filesUnder(journey.userDataDir).map((f) => path.relative(journey.userDataDir, f)).join('\n') + '\n');
  });
});
