/**
 * Lesson 03 shows the benchmark's output in ```text bench``` blocks (both locales). Those figures
 * must be what the code really prints: this test runs the exact `node bench-recommendations.js`
 * command of the bash block above each output block, on the lesson's files from `examples/`,
 * laid out as the lesson leaves them (`ecommerce-experiment-demo/` + the `../recs-popularity`
 * worktree), and compares. The optional `--time` column is machine-dependent: the test checks
 * every other figure of a ```text bench-timing``` block and only the shape of that column.
 */
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {lessonFences} from '../../../scripts/lesson-runner/extract';
import {hasMetaFlag} from '../../../src/plugins/remark-examples/expand';
import {readExampleSource} from '../materialize';

const ROOT = path.resolve(__dirname, '../../..');
const FILES = path.join(ROOT, 'examples/ecommerce/files/recommend');
const PAGES = {
  it: 'docs/lessons/03-experimentation.mdx',
  en: 'i18n/en/docusaurus-plugin-content-docs/current/lessons/03-experimentation.mdx',
};

interface OutputBlock {
  kind: 'bench' | 'bench-timing';
  command: string;
  shown: string;
}

/**
 * Each bench output block, with the last bench command of the bash block before it; blocks read
 * as the lesson runner reads them (the site's MDX parser, `examples/` expanded).
 */
function outputBlocks(mdx: string): OutputBlock[] {
  let lastBash = '';
  const blocks: OutputBlock[] = [];
  for (const fence of lessonFences(mdx, readExampleSource)) {
    if (fence.lang === 'bash' && !hasMetaFlag(fence.meta, 'norun')) lastBash = fence.code;
    // The kind is the first word of the meta (a title="..." may contain any word).
    const kind = fence.meta.split(/\s+/)[0];
    if (fence.lang === 'text' && (kind === 'bench' || kind === 'bench-timing')) {
      const command = lastBash
        .split('\n')
        .filter((line) => line.startsWith('node bench-recommendations.js'))
        .at(-1);
      if (!command) throw new Error(`No bench command in the bash block before a text ${kind} block`);
      blocks.push({kind, command, shown: fence.code});
    }
  }
  return blocks;
}

/** The repo as the lesson leaves it at phase 3, plus the `../recs-popularity` worktree. */
function layOut(folder: string): void {
  mkdirSync(path.join(folder, 'data'), {recursive: true});
  mkdirSync(path.join(folder, 'src/recommendations'), {recursive: true});
  for (const file of ['products.json', 'orders.json']) {
    cpSync(path.join(FILES, file), path.join(folder, 'data', file));
  }
  cpSync(path.join(FILES, 'bench-recommendations.js'), path.join(folder, 'bench-recommendations.js'));
  for (const file of ['popularity.js', 'coPurchase.js', 'index.js']) {
    cpSync(path.join(FILES, file), path.join(folder, 'src/recommendations', file));
  }
}

const timingFree = (report: string) => report.replace(/(\s)\d+\.\d$/gm, '$1<µs>');

let work = '';
let demo = '';
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'lesson03-figures-'));
  demo = path.join(work, 'ecommerce-experiment-demo');
  layOut(demo);
  layOut(path.join(work, 'recs-popularity'));
  writeFileSync(path.join(work, 'package.json'), '{"private": true}\n'); // CommonJS, as in the lesson
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

const outputs = new Map<string, string>();
function run(command: string): string {
  const cached = outputs.get(command);
  if (cached !== undefined) return cached;
  const args = command.replace(/^node bench-recommendations\.js\s+/, '').split(/\s+/);
  const output = execFileSync(process.execPath, ['bench-recommendations.js', ...args], {
    cwd: demo,
    encoding: 'utf8',
    env: {...process.env, NODE_OPTIONS: ''},
  }).replace(/\n$/, '');
  outputs.set(command, output);
  return output;
}

describe('lesson 03: the benchmark figures on the page are the code\'s real output', () => {
  it('the order history in examples/ is what the seeded generator writes', () => {
    const output = execFileSync(process.execPath, [path.join(FILES, 'generate-orders.js')], {
      encoding: 'utf8',
    });
    expect(output).toBe(readFileSync(path.join(FILES, 'orders.json'), 'utf8'));
  });

  for (const [locale, page] of Object.entries(PAGES)) {
    describe(`${locale}: ${page}`, () => {
      const blocks = outputBlocks(readFileSync(path.join(ROOT, page), 'utf8'));

      it('shows the comparison, the timing sample and the check after adoption', () => {
        expect(blocks.map((b) => b.kind)).toEqual(['bench', 'bench-timing', 'bench']);
        expect(blocks[0]!.command).toMatch(/popularity\.js .*coPurchase\.js$/);
        expect(blocks[2]!.command).toMatch(/index\.js$/);
      });

      blocks.forEach((block, i) => {
        it(`output block ${i + 1} (${block.kind}) equals \`${block.command}\``, () => {
          const actual = run(block.command);
          if (block.kind === 'bench') {
            expect(block.shown).toBe(actual);
          } else {
            expect(block.shown).toContain('µs/rec *');
            expect(timingFree(block.shown)).toBe(timingFree(actual));
          }
        });
      });
    });
  }

  it('shows the same figures in both languages', () => {
    const [italian, english] = Object.values(PAGES).map((page) =>
      outputBlocks(readFileSync(path.join(ROOT, page), 'utf8')).map((b) => b.shown),
    );
    expect(english).toEqual(italian);
  });
});
