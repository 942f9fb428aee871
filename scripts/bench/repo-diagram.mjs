/**
 * npm run bench:diagram — the live branch diagram's redraw time, in Node: for lesson 02's final
 * repository and a 200-commit history, the median (and slowest) of BENCH_RUNS runs of each step
 * the playground takes after a command: readRepoGraph (the engine reads the repository),
 * textTwin (the engine's git log --graph), layoutRepoGraph, and rendering RepoDiagram to a
 * string (layout included), and their sum. Node on this machine, no CPU throttle: the browser's
 * figure under a 4x throttle is the playground's bench. Prints figures; passes or fails nothing.
 * Writes bench-results/repo-diagram.json.
 *
 * Environment: BENCH_RUNS=n (default 15).
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {createServer} from 'vite';
import {diagramViteConfig, SITE_DIR} from '../repo-diagram/vite.mjs';

// React's production build, as the site ships it (react-dom/server reads this when it loads).
process.env.NODE_ENV = 'production';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmt = (values) => `${median(values).toFixed(1)} ms (max ${Math.max(...values).toFixed(1)})`;

const server = await createServer(diagramViteConfig());
try {
  const {benchRepoDiagram} = await server.ssrLoadModule('/scripts/bench/repoDiagram.tsx');
  const results = await benchRepoDiagram(RUNS);
  console.log(`\nLive branch diagram, redraw in Node (${RUNS} runs, median and slowest):\n`);
  const rows = [['', 'commits', 'readRepoGraph', 'textTwin', 'layout', 'render (+layout)', 'total', 'HTML']];
  for (const r of results)
    rows.push([r.name, String(r.commits), fmt(r.read), fmt(r.twin), fmt(r.layout), fmt(r.render), fmt(r.total), `${(r.htmlBytes / 1024).toFixed(1)} kB`]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  const out = path.join(SITE_DIR, 'bench-results');
  mkdirSync(out, {recursive: true});
  writeFileSync(path.join(out, 'repo-diagram.json'), JSON.stringify({runs: RUNS, results}, null, 2));
} finally {
  await server.close();
}
