// Log hover: a device log in the workspace names cards by ICCID. Opened in the editor, each ICCID
// of the fleet is a link with its status after it (the inline status is on here); resting the
// pointer on one shows the card, and the hover's "Open Detail" opens the card's detail panel. A
// number the fleet does not hold says so.
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import { activeTab, editorPart, expandGroup, openFleetView, quickOpen, readRows, sidebar, waitForGroups, waitForWebview } from './lib/workbench';

test.use({ demo: true, settings: { 'simFleet.identifiers.inlineStatus': true } });

const LOG = 'modem-2025-11-30.log';

/** `body` with its Luhn check digit: a valid ICCID the demo fleet does not hold (issuer 69). */
function strangerIccid(): string {
  const body = '8986690000000012345';
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let n = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

/** The editor's hover widget (not the tree's tooltip). */
const editorHover = (page: Page) => page.locator('.monaco-editor .monaco-hover, .monaco-hover').filter({ hasText: /SIM card|signed-in fleet/ });

/** Rests the pointer on `text` in the active editor, where it is drawn. */
async function restOn(page: Page, text: string) {
  const box = await page.evaluate((needle) => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let seen = '';
      const nodes: Array<{ node: Text; from: number }> = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, from: seen.length });
        seen += n.textContent ?? '';
      }
      // The editor draws spaces as non-breaking ones.
      const at = seen.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const mid = at + Math.floor(needle.length / 2);
      const hit = nodes.filter((x) => x.from <= mid).at(-1)!;
      const range = document.createRange();
      range.setStart(hit.node, mid - hit.from);
      range.setEnd(hit.node, mid - hit.from + 1);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return undefined;
  }, text);
  expect(box, `"${text}" drawn in the editor`).toBeDefined();
  await page.mouse.move(box!.x - 40, box!.y);
  await page.mouse.move(box!.x, box!.y, { steps: 4 });
}

test('log hover: an ICCID in a log file shows its card, and the hover opens it', async ({ page, journey }) => {
  const iccids: string[] = [];
  await test.step('note two cards of the fleet (a person has them in a device log)', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    for (const word of ['In use', 'Deactivated']) {
      await expandGroup(page, word);
      const row = (await readRows(page)).find((r) => r.level === 2 && r.label.startsWith('8986') && !iccids.includes(r.label) && r.name.includes(`, ${word}`));
      expect(row, `a physical card in "${word}"`).toBeDefined();
      iccids.push(row!.label);
    }
    journey.log(`cards ${iccids.join(', ')}`);
  });

  const stranger = strangerIccid();
  await test.step('open the device log in the editor', async () => {
    const dir = path.join(journey.workspace, 'logs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, LOG),
      [
        `2025-11-30T08:14:02.117Z INFO  modem boot fw=2.4.1 imei=356938035643809`,
        `2025-11-30T08:14:05.903Z INFO  sim ready iccid=${iccids[0]} rssi=-71 rsrp=-98`,
        `2025-11-30T08:14:06.254Z INFO  attach ok apn=cmiot ts=1764490446254`,
        `2025-11-30T08:20:41.008Z WARN  sim swapped iccid=${iccids[1]} reason=backup`,
        `2025-11-30T08:20:44.512Z ERROR attach rejected iccid=${stranger} cause=#7`,
        '',
      ].join('\n'),
    );
    await quickOpen(page, LOG);
    // The whole width for the log: the sidebar closes (Ctrl+B), as a person reading a log does.
    await page.keyboard.press('Control+B');
    await expect(sidebar(page)).toBeHidden();
    // The inline status (on in this journey) appears once the cards are looked up; the editor
    // draws its spaces as non-breaking ones.
    await expect(editorPart(page).getByText(/In\suse\s·\s/).first(), 'the status after the first ICCID').toBeVisible({ timeout: 30_000 });
    await expect(editorPart(page).getByText(/Deactivated\s·\s/).first(), 'the status after the second').toBeVisible();
    await journey.screenshot('log-open', editorPart(page));
  });

  await test.step('rest the pointer on an ICCID: the hover shows the card', async () => {
    const hover = editorHover(page);
    await expect(async () => {
      await page.mouse.move(5, 5);
      await restOn(page, iccids[0]);
      await expect(hover.first()).toBeVisible({ timeout: 4_000 });
    }, 'the card hover to appear').toPass({ timeout: 30_000 });
    await expect(hover.first(), 'the hover names the card').toContainText(`SIM card ${iccids[0]}`);
    await expect(hover.first(), 'its status').toContainText('Status: In use');
    await expect(hover.first(), 'its plan').toContainText('Plan: ');
    await expect(hover.first(), 'its data left').toContainText('Data left: ');
    for (const link of ['Open Detail', 'Open Usage', 'Reveal in Cards View', 'Copy ICCID', 'Open as Document']) {
      await expect(hover.first().getByRole('link', { name: link }), `a "${link}" link`).toBeVisible();
    }
    const box = (await hover.first().boundingBox())!;
    const editor = (await editorPart(page).boundingBox())!;
    await journey.docShot('log-hover', { clip: { x: editor.x, y: editor.y, width: editor.width, height: Math.min(editor.height, box.y + box.height + 24 - editor.y) } });
  });

  await test.step('"Open Detail" in the hover opens the card', async () => {
    await editorHover(page).first().getByRole('link', { name: 'Open Detail' }).click();
    const frame = await waitForWebview(page, new RegExp(iccids[0]));
    await expect(frame.getByRole('heading', { level: 1 }), "the panel's heading names the card").toContainText(iccids[0]);
    await expect(frame.locator('.badge'), 'the status badge says "In use"').toContainText('In use');
    await journey.screenshot('detail-from-hover', editorPart(page));
  });

  await test.step('a number the fleet does not hold says so', async () => {
    await page.locator('.tabs-container .tab').filter({ hasText: LOG }).click();
    await expect(activeTab(page)).toContainText(LOG);
    const hover = page.locator('.monaco-hover').filter({ hasText: 'is not a card of the signed-in fleet' });
    await expect(async () => {
      await page.mouse.move(5, 5);
      await restOn(page, stranger);
      await expect(hover.first()).toBeVisible({ timeout: 4_000 });
    }, 'the "not in the fleet" hover').toPass({ timeout: 30_000 });
    await journey.screenshot('stranger-hover', editorPart(page));
  });
});
