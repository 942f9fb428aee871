/**
 * The runner itself, on a miniature lesson 02 (fixtures/, Italian + English) that uses every
 * form lessons use: `%include` heredocs, a 4-backtick fence with a nested fence, a `norun` block
 * inside an admonition, JSX, gitGraph diagrams (front matter config, accDescr block, quoted
 * branch names), `text gitlog` blocks, a fast-forward, a real merge, an annotated tag and a
 * deleted branch. Then the same fixture broken three ways, each failing with a clear message.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readExampleFile} from '../../src/plugins/remark-examples';
import type {ReadExample} from '../../src/plugins/remark-examples/expand';
import {checkLesson} from './check';
import {expectationFor} from './expectations';
import {runLesson, type LessonFile} from './run';

const repoRoot = path.resolve(__dirname, '../..');
const update = process.env.LESSONS_UPDATE === '1';
const fixture = (locale: string): LessonFile => ({
  lesson: '99-runner-fixture',
  locale,
  file: path.join(__dirname, 'fixtures', locale, '99-runner-fixture.mdx'),
});
// The fixture is lesson 02 in miniature: it ends where lesson 02 ends.
const expectation = expectationFor('02-hotfix-workflow');
const recordFile = path.join(__dirname, 'fixtures', '99-runner-fixture.files.txt');
const options = {repoRoot, readExample: readExampleFile, expectation, recordFile};

/** Runs the Italian fixture with one edit to its text (or to an examples/ file). */
async function runBroken(edit: (mdx: string) => string, readExample: ReadExample = readExampleFile) {
  const lesson = fixture('it');
  const mdx = readFileSync(lesson.file, 'utf8');
  const broken = edit(mdx);
  expect(broken).not.toBe(mdx);
  return runLesson({...lesson, mdx: broken}, {...options, readExample});
}

// Each case runs the fixture lesson with real bash and git, five at once (22 s alone here). Beside
// the other unit files on a loaded 2-core machine they took over 30 s: a flake, not a finding.
const RUN_TIMEOUT_MS = 120_000;

describe.concurrent('lesson runner on the fixture lesson', () => {
  it('runs both locales clean, lists the norun block and leaves the same repository', {timeout: RUN_TIMEOUT_MS}, async () => {
    const check = await checkLesson('99-runner-fixture', [fixture('it'), fixture('en')], {...options, update});
    console.log(check.report.join('\n'));
    if (check.failures.length > 0) throw new Error(`\n${check.failures.join('\n\n')}\n`);
    for (const run of check.runs) {
      expect(run).toMatchObject({ran: 7, diagrams: 3, gitlogs: 3});
      expect(run.skipped).toEqual([
        `skipped (norun): 99-runner-fixture [${run.locale}] block 3, first line: ${
          run.locale === 'it' ? '# Da non fare: riscrive la storia condivisa' : '# Do not: it rewrites shared history'
        }`,
      ]);
    }
    expect(check.runs[0]!.fingerprint).toContain('refs/tags/hotfix-v1.0.1');
  });

  it('fails when a git commit line is deleted from a shell block', {timeout: RUN_TIMEOUT_MS}, async () => {
    const run = await runBroken((mdx) => mdx.replace('git commit -m "WIP: new API endpoints structure"\n', ''));
    const text = run.failures.join('\n');
    expect(text).toContain(`99-runner-fixture [it] diagram 1 "Prima dell'hotfix" (line`);
    expect(text).toContain(`branch 'develop' (first-parent history, root → tip):`);
    expect(text).toContain(
      `expected: "Initial commit: production e-commerce system" → "WIP: advanced cart system - partial implementation" → "WIP: new API endpoints structure"`,
    );
    expect(text).toContain('end of lesson:');
  });

  it('stops at a failing command with lesson, locale, block, line and stderr', {timeout: RUN_TIMEOUT_MS}, async () => {
    const run = await runBroken((mdx) => mdx.replace('# Torna a main, la produzione\ngit switch main', 'git switch mian'));
    expect(run.ran).toBe(2);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toMatch(
      /^99-runner-fixture \[it\] bash block 2 \(line \d+: # Lavoro in corso su develop\) exited with 128\nstderr \(last lines\):\n(.|\n)*fatal: invalid reference: mian/,
    );
  });

  it('fails when a branch name is changed in a diagram', {timeout: RUN_TIMEOUT_MS}, async () => {
    const run = await runBroken((mdx) =>
      mdx.replace('  branch develop order: 2\n', '  branch development order: 2\n'),
    );
    expect(run.failures).toEqual([
      expect.stringMatching(/diagram 2 "Il branch di hotfix" \(line \d+\): branch 'development' is missing in git/),
      expect.stringMatching(/diagram 2 "Il branch di hotfix" \(line \d+\): git has branch 'develop', which the diagram does not show/),
    ]);
  });

  it('fails when one line of an examples/ file that the lesson creates changes', {timeout: RUN_TIMEOUT_MS}, async () => {
    const target = 'ecommerce/files/payment/paymentProcessor.hotfix.js';
    const edited: ReadExample = (file) => {
      const content = readExampleFile(file);
      return file === target ? content.replace('this.timeout = 60000;', 'this.timeout = 90000;') : content;
    };
    expect(edited(target)).not.toBe(readExampleFile(target));
    const lesson = fixture('it');
    const run = await runLesson(lesson, {...options, readExample: edited});
    const text = run.failures.join('\n');
    expect(text).toContain('99-runner-fixture [it] gitlog block 2 (line');
    expect(text).toContain(
      'only the commit hashes differ, from "hotfix: fix payment timeout and add retry logic" on',
    );
    expect(text).toContain(
      "99-runner-fixture [it] end of lesson: file 'src/payment/paymentProcessor.js' on branch 'develop' " +
        '(examples/ecommerce/files/payment/paymentProcessor.hotfix.js) changed since it was recorded in ' +
        'scripts/lesson-runner/fixtures/99-runner-fixture.files.txt',
    );
    expect(text).toContain("file 'src/payment/paymentProcessor.js' on branch 'main' (examples/");
  });
});
