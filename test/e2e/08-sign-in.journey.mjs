// Sign in to a GSL simulator run as its own process (as a real account would be reached): with an
// access key (AK/SK), sign out, with an IAM user and password, sign out; then look everywhere VS Code
// keeps things (settings, state databases, global storage, logs, the output channel, the browser's
// storage) for the secret key, the password and the IAM token: none may be left.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../scripts/vscode-host.mjs';
import {
  answer,
  check,
  filesUnder,
  fleetLog,
  openFleetView,
  pick,
  reloadWindow,
  runCommand,
  sidebar,
  until,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  welcome,
} from './lib/workbench.mjs';

export const journey = {
  title: 'sign in with AK/SK and with an IAM user, sign out, no secret left anywhere',
  demo: false,
};

/** Starts `node dist/simulator.js` and reads the one JSON line it prints when ready. */
async function startSimulatorProcess(fx) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'simulator.js'), '--port', '0', '--cards', '500', '--seed', '3'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fx.onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const line = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready: ${stderr}`)));
    setTimeout(() => reject(new Error('the simulator printed nothing within 30 s')), 30_000).unref();
  });
  return JSON.parse(line);
}

/** Every place under the user data folder (and the browser's storage) where `needle` occurs. */
async function whereIs(fx, needle) {
  const hits = [];
  const bytes = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  for (const file of filesUnder(fx.userDataDir)) {
    let data;
    try {
      data = readFileSync(file);
    } catch {
      continue;
    }
    if (data.includes(bytes) || data.includes(utf16)) hits.push(path.relative(fx.userDataDir, file));
  }
  const console = path.join(fx.tmp, 'browser-console.log');
  try {
    if (readFileSync(console, 'utf8').includes(needle)) hits.push('browser console');
  } catch {
    // no console log yet
  }
  const inBrowser = await fx.page.evaluate(async (n) => {
    const found = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const k = store.key(i);
        if (k.includes(n) || (store.getItem(k) ?? '').includes(n)) found.push(`webStorage:${k}`);
      }
    }
    const dbs = (await indexedDB.databases?.()) ?? [];
    for (const info of dbs) {
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open(info.name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const storeName of db.objectStoreNames) {
        const values = await new Promise((res) => {
          const req = db.transaction(storeName).objectStore(storeName).getAll();
          req.onsuccess = () => res(req.result);
          req.onerror = () => res([]);
        });
        const text = values.map((v) => (typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : JSON.stringify(v))).join('\n');
        if (text.includes(n)) found.push(`indexedDB:${info.name}/${storeName}`);
      }
      db.close();
    }
    return found;
  }, needle);
  return [...hits, ...inBrowser];
}

async function signInAkSk(fx, sim) {
  const { page } = fx;
  await pick(page, 'Access key (AK/SK)', { title: /Sign In to GSL|How do you want to sign in/ });
  await answer(page, sim.endpoint, { title: /GSL endpoint/ });
  await answer(page, sim.ak, { title: /Access key ID/ });
  await waitForQuickInput(page, /Secret access key/);
  check((await page.locator('.quick-input-widget .quick-input-box input').getAttribute('type')) === 'password', 'the secret key box hides what is typed');
  await answer(page, sim.sk);
  await answer(page, sim.projectId, { title: /Project ID/ });
}

async function signInIam(fx, sim) {
  const { page } = fx;
  await pick(page, 'IAM user and password', { title: /Sign In to GSL|How do you want to sign in/ });
  await answer(page, sim.endpoint, { title: /GSL endpoint/ });
  await answer(page, sim.iamEndpoint, { title: /IAM endpoint/ });
  await answer(page, sim.domain, { title: /Account name/ });
  await answer(page, sim.user, { title: /IAM user name/ });
  await waitForQuickInput(page, /Password/);
  check((await page.locator('.quick-input-widget .quick-input-box input').getAttribute('type')) === 'password', 'the password box hides what is typed');
  await answer(page, sim.password);
  await answer(page, sim.projectName, { title: /Project/ });
}

async function signOut(fx) {
  const { page } = fx;
  await runCommand(page, 'SIM Fleet: Sign Out');
  await welcome(page).getByRole('button', { name: 'Sign In' }).waitFor();
  await until(async () => (await page.locator('.statusbar').innerText()).includes('SIM Fleet: sign in'), { message: 'the status bar to say signed out' });
}

function settingsJson(fx) {
  return readFileSync(path.join(fx.userDataDir, 'User', 'settings.json'), 'utf8');
}

export async function run(fx) {
  const { page } = fx;
  const sim = await fx.step('start a simulator process (500 cards, seed 3)', () => startSimulatorProcess(fx));
  fx.log(`simulator at ${sim.endpoint}`);
  const secrets = { 'secret key': sim.sk, password: sim.password };

  await fx.step('Sign In from the welcome: AK/SK', async () => {
    await openFleetView(page);
    await welcome(page).getByRole('button', { name: 'Sign In' }).click();
    await signInAkSk(fx, sim);
    await waitForNotification(page, /Signed in to GSL as/);
    const counts = await waitForGroups(page);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    check(total === 500, `the simulator's 500 cards are shown (got ${total})`);
    await until(async () => /· 500 cards/.test(await page.locator('.statusbar').innerText()), { message: 'the status bar to show the account' });
    await fx.screenshot('signed-in-aksk', sidebar(page));
    const settings = settingsJson(fx);
    check(settings.includes(sim.endpoint), 'the endpoint is kept in settings');
    check(!settings.includes(sim.sk) && !settings.includes(sim.ak), 'no key in settings.json');
    fx.log(`while signed in, the secret key is kept in: ${(await whereIs(fx, sim.sk)).join(', ') || 'nowhere on disk or in web storage (the secret store)'}`);
  });

  await fx.step('Sign Out', () => signOut(fx));

  await fx.step('Sign In from the palette: IAM user and password', async () => {
    await runCommand(page, 'SIM Fleet: Sign In…');
    await signInIam(fx, sim);
    await waitForNotification(page, /Signed in to GSL as/);
    const counts = await waitForGroups(page);
    check(Object.values(counts).reduce((a, b) => a + b, 0) === 500, 'the 500 cards again');
    await fx.screenshot('signed-in-iam', sidebar(page));
    check(!settingsJson(fx).includes(sim.password), 'no password in settings.json');
  });

  await fx.step('Sign Out', () => signOut(fx));

  await fx.step('no secret key, password or token left in settings, state, storage or logs', async () => {
    // Let VS Code write its state (it flushes on a timer and on shutdown of storage scopes).
    await reloadWindow(page);
    await openFleetView(page);
    await welcome(page).getByRole('button', { name: 'Sign In' }).waitFor();
    // The search itself must be able to find things: the endpoint is in settings on purpose.
    const control = await whereIs(fx, sim.endpoint);
    check(control.includes(path.join('User', 'settings.json')), `the search finds the endpoint in settings.json (found in: ${control.join(', ')})`);
    const log = fleetLog(fx.userDataDir);
    check(/Signed in as/.test(log), 'the output channel log was found and read');
    const tokens = [...new Set(log.match(/MIIDsim[\w-]+/g) ?? [])];
    check(tokens.length === 0, `no IAM token in the output channel (found ${tokens.length})`);
    for (const [what, value] of Object.entries(secrets)) {
      const where = await whereIs(fx, value);
      check(where.length === 0, `the ${what} is not kept anywhere after sign-out (found in: ${where.join(', ')})`);
    }
    // IAM tokens issued by the simulator start with this prefix; none may be on disk or in web storage.
    const tokenPlaces = await whereIs(fx, 'MIIDsim');
    check(tokenPlaces.length === 0, `no IAM token kept (found in: ${tokenPlaces.join(', ')})`);
    writeFileSync(path.join(fx.shotsDir, 'searched-files.txt'), filesUnder(fx.userDataDir).map((f) => path.relative(fx.userDataDir, f)).join('\n') + '\n');
  });
}
