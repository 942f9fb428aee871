/** Reads the real repository (with the runner's environment) into a HistoryModel. */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {engineCommand, REAL_GIT, type EngineName} from '../git-parity/engines';
import {emptyHistory, type HistoryModel} from './history';

const run = promisify(execFile);

export type Env = Record<string, string>;

/**
 * Real git, by its own path: the runner reads every repository with it, whichever engine wrote
 * the repository (and whatever `git` the lesson's PATH holds).
 */
export async function git(cwd: string, env: Env, args: string[]): Promise<string> {
  const {stdout} = await run(REAL_GIT, args, {cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8'});
  return stdout;
}

/** Like `git`, but returns raw bytes (file contents). */
export async function gitBytes(cwd: string, env: Env, args: string[]): Promise<Buffer> {
  const {stdout} = await run(REAL_GIT, args, {cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer'});
  return stdout;
}

/** The repository's top folder, or undefined when `cwd` is not inside one. */
export async function repositoryRoot(cwd: string, env: Env): Promise<string | undefined> {
  try {
    return (await git(cwd, env, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return undefined;
  }
}

const RECORD = '\u001e';
const FIELD = '\u0000';

export async function readGitHistory(cwd: string, env: Env): Promise<HistoryModel> {
  const history = emptyHistory();
  const hasCommits = await git(cwd, env, ['rev-parse', '--verify', '-q', 'HEAD']).then(
    () => true,
    () => false,
  );
  const refs = await git(cwd, env, [
    'for-each-ref',
    `--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(contents)%1e`,
    'refs/heads',
    'refs/tags',
  ]);
  const anyRef = refs.trim() !== '';
  if (hasCommits || anyRef) {
    const log = await git(cwd, env, ['log', '--all', `--format=%H%x00%P%x00%s%x00%B%x1e`]);
    for (const record of log.split(RECORD)) {
      const [hash, parents, subject, message] = record.replace(/^\n/, '').split(FIELD);
      if (!hash || subject === undefined) continue;
      history.commits.set(hash, {
        id: hash,
        subject,
        message: message ?? '',
        parents: parents ? parents.split(' ') : [],
      });
    }
  }
  for (const record of refs.split(RECORD)) {
    const [ref, type, object, peeled, contents] = record.replace(/^\n/, '').split(FIELD);
    if (!ref) continue;
    if (ref.startsWith('refs/heads/')) history.branches.set(ref.slice('refs/heads/'.length), object!);
    else if (ref.startsWith('refs/tags/')) {
      const annotated = type === 'tag';
      history.tags.set(ref.slice('refs/tags/'.length), {
        target: annotated ? peeled! : object!,
        annotated,
        message: annotated ? contents : undefined,
      });
    }
  }
  try {
    history.head = (await git(cwd, env, ['symbolic-ref', '-q', '--short', 'HEAD'])).trim();
  } catch {
    history.head = null;
  }
  return history;
}

/**
 * The graph a learner sees: `git log --graph --oneline --all --decorate`, short decorations,
 * printed by the engine the lesson runs with (so the sandbox's log is checked against the page).
 */
export async function gitLogGraph(cwd: string, env: Env, engine: EngineName = 'git'): Promise<string> {
  const [command, ...prefix] = engineCommand(engine);
  const args = [...prefix, '-c', 'log.decorate=short', 'log', '--graph', '--oneline', '--all', '--decorate'];
  const {stdout} = await run(command!, args, {cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8'});
  return normalizeLog(stdout);
}

/** Trailing blanks are invisible and editors strip them: compare logs without them. */
export function normalizeLog(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
