/** A shell over a MemoryFs with plain English messages, for the tests of this folder. */
import {MemoryFs, runGit} from '../../../packages/sandbox-git/src/index.js';
import {Shell, type ShellMessages} from './interpret';

export const TEST_MESSAGES: ShellMessages = {
  notFound: (c) => `${c}: command not found`,
  needsSandbox: (c) => `${c} is not available here: run it in the StackBlitz sandbox`,
  noSuchFile: (c, p) => `${c}: ${p}: No such file or directory`,
  isDirectory: (c, p) => `${c}: ${p}: Is a directory`,
  notDirectory: (c, p) => `${c}: ${p}: Not a directory`,
  fileExists: (c, p) => `${c}: ${p}: File exists`,
  missingOperand: (c) => `${c}: missing operand`,
  syntax: (d) => `bash: ${d}`,
  editUsage: () => 'usage: edit FILE',
  editCancelled: (p) => `edit: ${p} not saved`,
  help: () => ['commands: ...'],
  failed: (c, r) => `${c}: ${r}`,
};

export interface TestShell {
  shell: Shell;
  fs: MemoryFs;
  /** Runs a text; returns its status and what it printed. */
  run(src: string): Promise<{status: number; out: string; err: string}>;
  cleared: number;
  edits: {path: string; content: string | undefined}[];
  /** What the next `edit` saves (undefined: cancel). */
  nextEdit: string | undefined;
}

export const TEST_DATE = '2026-11-27T18:00:00+01:00';

export function testShell(cwd = '/home/learner/repo'): TestShell {
  const fs = new MemoryFs();
  void fs.promises.mkdir(cwd, {recursive: true});
  const env = {HOME: '/home/learner', USER: 'learner', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: TEST_DATE, GIT_COMMITTER_DATE: TEST_DATE};
  const state: TestShell = {
    shell: undefined as unknown as Shell,
    fs,
    cleared: 0,
    edits: [],
    nextEdit: undefined,
    async run(src) {
      let out = '';
      let err = '';
      const status = await state.shell.run(src, {stdout: (t) => (out += t), stderr: (t) => (err += t)});
      return {status, out, err};
    },
  };
  state.shell = new Shell(
    {
      fs,
      env,
      git: (argv, io) => runGit(argv, {fs, cwd: io.cwd, env: io.env, now: () => Date.parse(TEST_DATE), tzOffset: () => 60, stdout: io.stdout, stderr: io.stderr}),
      clear: () => {
        state.cleared++;
      },
      edit: async (path, content) => {
        state.edits.push({path, content});
        return state.nextEdit;
      },
      now: () => Date.parse(TEST_DATE),
      messages: TEST_MESSAGES,
    },
    cwd,
  );
  return state;
}
