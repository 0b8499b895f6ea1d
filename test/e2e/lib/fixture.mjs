// The parts of a journey's fixture that touch the page: getting the workbench ready the same way
// for every journey, and screenshots (every journey's under test-results/e2e/<journey>/, and the
// README's under docs/screenshots/ when the runner is asked to update them).
import { copyFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { sidebar, until, waitForWorkbench } from './workbench.mjs';

/** Waits for the workbench, then gives the sidebar room for card numbers. */
export async function prepareWorkbench(fx, meta = {}) {
  const { page } = fx;
  page.setDefaultTimeout(30_000);
  await waitForWorkbench(page);
  let n = 0;
  fx.screenshot = async (name, target) => {
    n++;
    const file = path.join(fx.shotsDir, `${String(n).padStart(2, '0')}-${name}.png`);
    await shoot(page, file, target);
    return file;
  };
  /** A screenshot for the README: kept with the journey's, and copied to docs/screenshots when updating. */
  fx.docShot = async (docName, target) => {
    const file = await fx.screenshot(docName, target);
    if (fx.updateDocs) {
      const dest = path.join(fx.docsDir, `${docName}.png`);
      copyFileSync(file, dest);
      const kb = Math.round(statSync(dest).size / 1024);
      fx.log(`docs/screenshots/${docName}.png (${kb} KB)`);
    }
    return file;
  };
  if (meta.sidebarWidth !== 0) await setSidebarWidth(fx, meta.sidebarWidth ?? 420);
}

async function shoot(page, file, target) {
  if (!target) return page.screenshot({ path: file });
  if (target.clip) return page.screenshot({ path: file, clip: target.clip });
  if (Array.isArray(target)) {
    // The union of several elements' boxes (e.g. the sidebar and an open menu).
    const boxes = (await Promise.all(target.map((l) => l.boundingBox()))).filter(Boolean);
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)));
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    return page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
  }
  return target.screenshot({ path: file });
}

/** Drags the sash at the sidebar's right edge, as a person widens the view. */
export async function setSidebarWidth(fx, width) {
  const { page } = fx;
  const side = sidebar(page);
  // The sidebar is laid out only once a view container is open; the Explorer is, at start.
  const box = await until(() => side.boundingBox(), { message: 'the sidebar to be laid out', timeout: 30_000 }).catch(() => undefined);
  if (!box) return;
  const edge = box.x + box.width;
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) =>
    els.map((e, i) => {
      const r = e.getBoundingClientRect();
      return { i, x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height };
    }),
  );
  const sash = sashes.filter((s) => s.h > 100 && Math.abs(s.x - edge) < 6)[0];
  if (!sash) return;
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + (box.x + width - edge) / 2, sash.y, { steps: 4 });
  await page.mouse.move(box.x + width, sash.y, { steps: 4 });
  await page.mouse.up();
}
