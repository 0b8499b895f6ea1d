// `npm run package`: a production build, the README a Marketplace visitor reads, and sim-fleet.vsix.
//
// The repository's README shows screenshots and links to files by relative paths. vsce can only turn
// those into addresses of a public GitHub/GitLab repository, and the project has none yet, so it
// refuses them. The package therefore gets its own README, generated into build/package/: the parts
// marked `<!-- package-readme: skip -->` … `<!-- package-readme: end -->` (how to build and test,
// benchmarks) are left out, relative images become their alt text and relative links their text.
//
// Fails when vsce prints a warning or the .vsix is 1 MB or more. Prints the .vsix's path and size.
// Usage: node scripts/package.mjs [--out FILE]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The package must stay small: it is downloaded on every install. */
export const MAX_VSIX_BYTES = 1_000_000;
export const PACKAGE_README = 'build/package/README.md';

const SKIP = /^\s*<!--\s*package-readme:\s*skip\s*-->\s*$/;
const END = /^\s*<!--\s*package-readme:\s*end\s*-->\s*$/;
// What vsce treats as a link it would have to rewrite: not absolute, not an anchor, not mail.
const isRelative = (href) => !/^[a-z][\w+.-]*:/i.test(href) && !href.startsWith('#');
const MD_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const MD_LINK = /\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_IMG = /<img\b[^>]*>/gi;

/** The README for the package, from the repository's README (see the comment at the top). */
export function packageReadme(source) {
  const kept = []; // { text, code }
  let skipping = false;
  let fence;
  source.split('\n').forEach((line, i) => {
    if (!fence && SKIP.test(line)) {
      if (skipping) throw new Error(`README.md:${i + 1}: "package-readme: skip" inside a skipped part`);
      skipping = true;
      return;
    }
    if (!fence && END.test(line)) {
      if (!skipping) throw new Error(`README.md:${i + 1}: "package-readme: end" without a skip before it`);
      skipping = false;
      return;
    }
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    const code = Boolean(fence || marker);
    if (marker && (!fence || fence === marker)) fence = fence ? undefined : marker;
    if (!skipping) kept.push({ text: line, code });
  });
  if (skipping) throw new Error('README.md: a "package-readme: skip" part has no "package-readme: end"');

  const out = [];
  for (let i = 0; i < kept.length; ) {
    if (!kept[i].code && kept[i].text.startsWith('|')) {
      const table = [];
      while (i < kept.length && !kept[i].code && kept[i].text.startsWith('|')) table.push(kept[i++].text);
      out.push(...screenshotTableAsList(table) ?? table.map(inlineText));
    } else {
      out.push(kept[i].code ? kept[i].text : inlineText(kept[i].text));
      i++;
    }
  }
  // Skipped parts leave blank lines behind; keep at most one between blocks.
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Relative images become their alt text, relative links their text; absolute ones stay. */
function inlineText(line) {
  return line
    .replace(MD_IMAGE, (all, alt, href) => (isRelative(href) ? alt.trim() : all))
    .replace(MD_LINK, (all, text, href) => (isRelative(href) ? text : all))
    .replace(HTML_IMG, (tag) => {
      const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '';
      return isRelative(src) ? (/\balt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '') : tag;
    });
}

/**
 * A table of screenshots beside their captions (the Tour) says nothing without the pictures as a
 * table; it becomes a list of the captions. Other tables are kept. Returns undefined to keep it.
 */
function screenshotTableAsList(lines) {
  const cells = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  if (lines.length < 3 || !/^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/.test(lines[1].trim())) return undefined;
  const rows = lines.slice(2).map(cells);
  const onlyImage = (cell) => {
    const m = new RegExp(`^${MD_IMAGE.source}$`).exec(cell);
    return m !== null && isRelative(m[2]);
  };
  if (!rows.every((r) => r.length > 1 && onlyImage(r[0]))) return undefined;
  return rows.map((r) => `- ${inlineText(r.slice(1).join(' '))}`);
}

function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    let out = '';
    const echo = (stream) => (d) => {
      stream.write(d);
      out += d;
    };
    if (capture) {
      child.stdout.on('data', echo(process.stdout));
      child.stderr.on('data', echo(process.stderr));
    }
    child.on('error', (err) => resolve({ code: 1, out: `${out}${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function main() {
  process.chdir(root);
  const { values: opts } = parseArgs({ options: { out: { type: 'string', default: 'sim-fleet.vsix' } } });
  const vsix = path.resolve(opts.out);

  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
  if (build.status !== 0) return fail('the production build failed');

  mkdirSync(path.dirname(PACKAGE_README), { recursive: true });
  writeFileSync(PACKAGE_README, packageReadme(readFileSync('README.md', 'utf8')));

  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const { code, out } = await run(
    process.execPath,
    [
      vsce, 'package',
      '--no-dependencies', // everything the extension needs is bundled by esbuild
      // The project has no public repository yet; the package README has no relative links left
      // for vsce to resolve against one.
      '--allow-missing-repository',
      '--readme-path', PACKAGE_README,
      '--out', vsix,
    ],
    { capture: true },
  );
  if (code !== 0) return fail(`vsce package exited with ${code}`);
  // Keep the package free of warnings, so a new one is noticed rather than scrolled past.
  const warnings = out.split('\n').filter((l) => /\bWARNING\b/.test(l));
  if (warnings.length) return fail(`vsce printed ${warnings.length} warning(s):\n${warnings.join('\n')}`);

  const size = statSync(vsix).size;
  const name = vsix.startsWith(root + path.sep) ? path.relative(root, vsix) : vsix;
  console.log(`package: ${name} is ${size.toLocaleString('en-US')} bytes (${(size / 1000).toFixed(1)} kB; limit ${MAX_VSIX_BYTES.toLocaleString('en-US')})`);
  if (size >= MAX_VSIX_BYTES) return fail(`${name} is 1 MB or more`);
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
