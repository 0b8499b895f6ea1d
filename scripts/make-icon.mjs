// Draws media/icon.png, the 128×128 extension icon the Marketplace and Open VSX show (they accept
// no SVG there), from the activity-bar glyph media/icons/sim-fleet.svg: the same strokes in white on
// a rounded square, rendered by Debian's chromium through playwright-core. Run it by hand when the
// glyph or the colours change and commit the PNG; the build does not run it.
//
// Usage: node scripts/make-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, repoRoot } from './vscode-host.mjs';

const SIZE = 128;
// Also `galleryBanner.color`'s family in package.json: the banner is a darker shade of this.
const BACKGROUND = '#1f5fa8';
const FOREGROUND = '#ffffff';
const glyphFile = path.join(repoRoot, 'media', 'icons', 'sim-fleet.svg');
const out = path.join(repoRoot, 'media', 'icon.png');

const glyph = readFileSync(glyphFile, 'utf8');
const inner = /<svg\b[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
const viewBox = /viewBox="([^"]+)"/.exec(glyph)?.[1].split(/\s+/).map(Number);
const strokeWidth = Number(/stroke-width="([^"]+)"/.exec(glyph)?.[1] ?? 1.5);
if (!inner || viewBox?.length !== 4) throw new Error(`${glyphFile}: expected an <svg> with a viewBox`);

// The glyph fills 3/4 of the square, centred, with the glyph's own stroke width scaled along.
const [vx, vy, vw, vh] = viewBox;
const scale = (SIZE * 0.75) / Math.max(vw, vh);
const dx = (SIZE - vw * scale) / 2 - vx * scale;
const dy = (SIZE - vh * scale) / 2 - vy * scale;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <rect width="${SIZE}" height="${SIZE}" rx="${SIZE * 0.1875}" fill="${BACKGROUND}"/>
  <g transform="translate(${dx} ${dy}) scale(${scale})" fill="none" stroke="${FOREGROUND}" stroke-width="${strokeWidth}" stroke-linejoin="round" stroke-linecap="round">${inner}</g>
</svg>`;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  // Transparent outside the rounded square, so the corners suit light and dark pages alike.
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== SIZE || height !== SIZE) throw new Error(`rendered ${width}×${height}, not ${SIZE}×${SIZE}`);
  writeFileSync(out, png);
  console.log(`${path.relative(repoRoot, out)}: ${width}×${height}, ${png.length} bytes`);
} finally {
  await browser.close();
}
