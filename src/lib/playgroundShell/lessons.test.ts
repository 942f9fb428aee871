/**
 * Every lesson's blocks, pasted into the playground as a learner pastes them (each block whole,
 * then Enter), run by the playground's shell and the course's engine at the course's date: the
 * shell understands all of them (no syntax error, no unknown command), and where no block writes a
 * file with `node` (lessons 01 and 02), the history ends exactly as the page's last `git log`
 * block shows it, hashes included, as with real bash and real git in the lesson runner.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readExampleFile} from '../../../examples/readExample';
import {COURSE_DATE} from '../../../examples/ecommerce/phases/types';
import {discoverLessons} from '../../../scripts/lesson-runner/lessons';
import {lessonFences} from '../../../scripts/lesson-runner/extract';
import {MemoryFs, runGit} from '../../../packages/sandbox-git/src/index.js';
import {Shell} from './interpret';
import {TerminalSession} from './session';
import {TEST_MESSAGES} from './testShell';

const ROOT = path.resolve(__dirname, '../../..');
/** Lessons where a `node` command writes a file the history then commits: the page's hashes need Node. */
const NEEDS_NODE_FOR_HASHES = new Set(['03-experimentation']);
/** Errors a lesson shows on purpose (`git branch -d … || echo …`). */
const EXPECTED_ERRORS: Record<string, RegExp[]> = {'03-experimentation': [/^error: The branch 'experiment\/recs-popularity' is not fully merged\.$/]};

async function pasteLesson(mdx: string) {
  const fs = new MemoryFs();
  const home = '/home/learner';
  await fs.promises.mkdir(home, {recursive: true});
  let errors = '';
  const env = {HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: COURSE_DATE, GIT_COMMITTER_DATE: COURSE_DATE};
  const shell = new Shell(
    {
      fs,
      env,
      git: (argv, io) => runGit(argv, {fs, cwd: io.cwd, env: io.env, now: () => Date.parse(COURSE_DATE), tzOffset: () => 0, stdout: io.stdout, stderr: io.stderr}),
      clear: () => {},
      edit: async () => undefined,
      now: () => Date.parse(COURSE_DATE),
      messages: TEST_MESSAGES,
    },
    home,
  );
  const session = new TerminalSession({
    write: () => {},
    prompt: () => '$ ',
    run: async (script) => {
      await shell.run(script, {stdout: () => {}, stderr: (t) => void (errors += t)});
    },
    clear: () => {},
  });
  const fences = lessonFences(mdx, readExampleFile);
  for (const fence of fences.filter((f) => f.lang === 'bash' && !/\bnorun\b/.test(f.meta))) {
    // As the terminal gets a paste: line ends as \r, and Enter after the last line.
    await session.input(`${fence.code.replace(/\n$/, '').replace(/\n/g, '\r')}\r`);
  }
  let log = '';
  await runGit(['log', '--graph', '--oneline', '--all', '--decorate'], {
    fs,
    cwd: shell.cwd,
    env,
    now: () => 0,
    tzOffset: () => 0,
    stdout: (t) => void (log += t),
    stderr: (t) => void (log += t),
  });
  const lastGitlog = fences.filter((f) => f.lang === 'text' && /\bgitlog\b/.test(f.meta)).at(-1)?.code ?? '';
  return {errors, log, lastGitlog};
}

for (const lesson of discoverLessons(ROOT)) {
  describe(`lesson ${lesson.lesson}, pasted into the playground`, () => {
    for (const file of lesson.files) {
      it(`${file.locale}: every block runs; ${NEEDS_NODE_FOR_HASHES.has(lesson.lesson) ? 'only node is refused' : 'the history is the page’s, hash for hash'}`, {timeout: 120_000}, async () => {
        const {errors, log, lastGitlog} = await pasteLesson(readFileSync(file.file, 'utf8'));
        // git's own progress lines go to stderr too; what must not be there is a shell or git error.
        const problems = errors
          .split('\n')
          .filter((line) => /^bash: |command not found|No such file or directory|Is a directory|Not a directory|missing operand|^(fatal|error|usage): /.test(line))
          .filter((line) => !(EXPECTED_ERRORS[lesson.lesson] ?? []).some((expected) => expected.test(line)));
        expect(problems).toEqual([]);
        if (!NEEDS_NODE_FOR_HASHES.has(lesson.lesson)) {
          const trim = (text: string) => text.split('\n').map((l) => l.trimEnd()).join('\n').trim();
          expect(trim(log)).toBe(trim(lastGitlog));
        }
      });
    }
  });
}
