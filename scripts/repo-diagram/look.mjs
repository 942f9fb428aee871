/**
 * Looks at RepoDiagram as a learner would: lesson 02's final repository (and a history with long
 * branch names and several tags on a row) drawn by the component in Chromium, in the site's
 * styles, at 1366 and 390 px, light and dark, Italian and English. Saves screenshots to
 * test-results/repo-diagram/ and measures every label with the browser suite's own checker
 * (e2e/support/diagramLayout.ts): overlaps, text under 11 px at 390 px, a wide diagram without
 * its scrolling hint. Exits 1 on a problem.
 *
 *   node scripts/repo-diagram/look.mjs
 */
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {build, createServer} from 'vite';
import {CHROMIUM_ARGS, requireChromium} from '../browser-tools/chromium.mjs';
import {diagramViteConfig, SITE_DIR} from './vite.mjs';

const OUT = path.join(SITE_DIR, 'test-results/repo-diagram');
const WIDTHS = [
  {name: 'desktop', width: 1366, height: 800},
  {name: 'phone', width: 390, height: 844},
];
const THEMES = ['light', 'dark'];
/** Infima, the CSS framework of Docusaurus's classic theme (installed with it). */
const INFIMA = path.join(SITE_DIR, 'node_modules/infima/dist/css/default/default.css');
const LOCALES = ['it', 'en'];

const node = await createServer(diagramViteConfig());
let data;
let measureDiagramLayout;
try {
  data = await (await node.ssrLoadModule('/scripts/repo-diagram/looks.tsx')).lookData();
  ({measureDiagramLayout} = await node.ssrLoadModule('/e2e/support/diagramLayout.ts'));
} finally {
  await node.close();
}

const work = mkdtempSync(path.join(os.tmpdir(), 'repo-diagram-look-'));
mkdirSync(OUT, {recursive: true});
const browser = await chromium.launch({executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS});
const problems = [];
try {
  for (const locale of LOCALES) {
    const dir = path.join(work, locale);
    await build({
      ...diagramViteConfig({locale}),
      server: undefined,
      appType: undefined,
      base: './',
      build: {
        outDir: dir,
        emptyOutDir: true,
        minify: true,
        rollupOptions: {input: path.join(SITE_DIR, 'scripts/repo-diagram/harness.tsx'), output: {format: 'iife', entryFileNames: 'harness.js', assetFileNames: '[name][extname]'}},
      },
    });
    copyFileSync(INFIMA, path.join(dir, 'infima.css'));
    for (const [name, diagrams] of Object.entries(data)) {
      for (const theme of THEMES) {
        const html = path.join(dir, `${name}-${theme}.html`);
        writeFileSync(
          html,
          `<!doctype html><html lang="${locale}" data-theme="${theme}"><head><meta charset="utf-8">` +
            `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="infima.css"><link rel="stylesheet" href="harness.css">` +
            `<script>window.__REPO_DIAGRAM__=${JSON.stringify(diagrams).replace(/</g, '\\u003c')}</script></head>` +
            `<body><div id="root"></div><script src="harness.js"></script></body></html>`,
        );
        for (const size of WIDTHS) {
          const page = await browser.newPage({viewport: {width: size.width, height: size.height}});
          page.on('pageerror', (error) => problems.push(`${name} ${locale} ${theme}: page error ${error.message}`));
          await page.goto(`file://${html}`);
          page.on('console', (message) => message.type() === 'error' && problems.push(`${name} ${locale} ${theme}: console error ${message.text()}`));
          await page.waitForSelector('[data-repo-diagram] svg', {timeout: 10_000}).catch((error) => {
            throw new Error(`${error.message}\n${problems.join('\n')}\n${html}`);
          });
          // The text twin open, as a reader who asked for it sees it.
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const where = `${name} ${locale} ${theme} ${size.width}px`;
          const layout = await measureDiagramLayout(page, '[data-repo-diagram] svg');
          if (layout.diagrams === 0 || layout.labels === 0) problems.push(`${where}: no diagram measured`);
          for (const o of layout.overlaps) problems.push(`${where}: ${o.a} overlaps ${o.b} by ${o.depth} px`);
          if (size.name === 'phone') for (const t of layout.smallText) problems.push(`${where}: "${t.text}" is ${t.px} px`);
          for (const c of [...layout.clipped, ...layout.scrollWithoutHint]) problems.push(`${where}: ${c}`);
          // The estimate the layout sizes boxes with must not be narrower than the real text.
          const tight = await page.evaluate(() =>
            Array.from(document.querySelectorAll('[data-repo-diagram] svg text')).flatMap((text) => {
              const group = text.parentElement;
              const box = group?.classList.contains('branchLabel') ? group.previousElementSibling : group?.querySelector(':scope > rect, :scope > polygon');
              const own = text.getBBox();
              const outer = box instanceof SVGGraphicsElement ? box.getBBox() : null;
              if (!outer) return [`"${text.textContent}" has no box`];
              return own.x < outer.x - 0.5 || own.x + own.width > outer.x + outer.width + 0.5
                ? [`"${text.textContent}" (${own.x.toFixed(1)}..${(own.x + own.width).toFixed(1)}) is wider than its box (${outer.x.toFixed(1)}..${(outer.x + outer.width).toFixed(1)})`]
                : [];
            }),
          );
          problems.push(...tight.map((t) => `${where}: ${t}`));
          const file = path.join(OUT, `${name}-${locale}-${theme}-${size.width}.png`);
          await page.screenshot({path: file, fullPage: true});
          console.log(`${where}: ${layout.labels} labels, smallest text ${layout.smallestTextPx} px -> ${path.relative(SITE_DIR, file)}`);
          await page.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  if (problems.length === 0) rmSync(work, {recursive: true, force: true});
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('No overlaps, no small text, no wide diagram without its hint.');
