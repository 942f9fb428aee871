/**
 * The parity journal: a `git` shim put first on PATH records every git command a script runs
 * (arguments, working directory, exit code, stdout, stderr), then the repository's state after it
 * (read with real git, which never writes here), and runs the engine under test. Two journals of
 * the same script, one per engine, compared entry by entry, name the first command whose result
 * diverges.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {chmod, mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {engineCommand, REAL_GIT, SANDBOX_GIT_BIN, type EngineName} from './engines';

const execFileAsync = promisify(execFile);

/** What the shim records of one command. */
export interface JournalEntry {
  index: number;
  argv: string[];
  cwd: string;
  code: number;
  stdout: string;
  stderr: string;
  /** refs, HEAD, index, reachable objects, merge state, every file of the worktree. */
  state: string;
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** Each journal's server (journal-server.mjs), by journal folder: stopped by readJournal. */
const servers = new Map<string, ChildProcess>();

/**
 * Starts a journal server for `engine` and returns its port; undefined when
 * `PARITY_ENGINE_PROCESS=1` asks for the shim alone (a Node process per sandbox git command).
 */
async function startServer(dir: string, engine: EngineName): Promise<number | undefined> {
  if (process.env.PARITY_ENGINE_PROCESS === '1') return undefined;
  const child = spawn(process.execPath, [path.join(__dirname, 'journal-server.mjs'), engine, REAL_GIT, SANDBOX_GIT_BIN], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  servers.set(dir, child);
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(Number(text.trim()));
    });
    child.on('exit', (code) => reject(new Error(`the journal server stopped (exit ${code}) before it listened`)));
  });
  // It must not keep the test process alive; it exits when that process (its stdin) is gone.
  child.unref();
  (child.stdout as unknown as {unref?: () => void}).unref?.();
  (child.stdin as unknown as {unref?: () => void}).unref?.();
  return port;
}

/**
 * Writes `<dir>/bin/git` (the shim) for `engine`; journal entries go to `<dir>/entries/<n>/`.
 * Returns the folder to put first on PATH.
 */
export async function createJournal(dir: string, engine: EngineName): Promise<string> {
  const bin = path.join(dir, 'bin');
  const entries = path.join(dir, 'entries');
  await mkdir(bin, {recursive: true});
  await mkdir(entries, {recursive: true});
  const run = engineCommand(engine).map(quote).join(' ');
  // The journal's own server runs and records each command (journal-server.mjs); the shim does
  // it all itself (a Node process per sandbox git command) when there is none.
  const port = await startServer(dir, engine);
  const viaServer =
    port === undefined
      ? ''
      : `env -0 > "$d/env"
if { exec 3<>/dev/tcp/127.0.0.1/${port}; } 2>/dev/null; then
  printf '%s\\n' "$d" >&3
  read -r code <&3 || code=70
  exec 3>&-
  echo "$code" > "$d/code"
  cat "$d/out"
  cat "$d/err" >&2
  exit "$code"
fi
`;
  const git = quote(REAL_GIT);
  const script = `#!/usr/bin/env bash
# Parity journal shim (scripts/git-parity/journal.ts): records this command, runs ${engine}.
entries=${quote(entries)}
n=0
read -r n 2>/dev/null < "$entries/count"
n=$(( n + 1 ))
echo "$n" > "$entries/count"
d="$entries/$n"
mkdir -p "$d"
printf '%s\\0' "$@" > "$d/argv"
pwd > "$d/cwd"
${viaServer}${run} "$@" > "$d/out" 2> "$d/err"
code=$?
echo "$code" > "$d/code"
cat "$d/out"
cat "$d/err" >&2
# The state after the command, as real git reads it (no optional locks: it writes nothing).
(
  export GIT_OPTIONAL_LOCKS=0
  where=$(${git} rev-parse --show-toplevel --absolute-git-dir 2>/dev/null) || { echo "(no repository)"; exit 0; }
  top=\${where%%$'\\n'*}
  gd=\${where#*$'\\n'}
  cd "$top"
  echo "HEAD: $(cat "$gd/HEAD")"
  ${git} for-each-ref --format='%(refname) %(objectname)'
  echo "index:"
  ${git} ls-files -s
  echo "objects:"
  ${git} rev-list --objects --all 2>&1 | LC_ALL=C sort
  for f in MERGE_HEAD MERGE_MSG MERGE_MODE CHERRY_PICK_HEAD; do
    if [ -f "$gd/$f" ]; then echo "$f:"; cat "$gd/$f"; fi
  done
  echo "worktree:"
  files=$(find . -path ./.git -prune -o \\( -type f -o -type l \\) -print | LC_ALL=C sort)
  if [ -n "$files" ]; then
    # One git for every file's blob id; the mode (x or -) and links beside them.
    paste -d ' ' <(printf '%s\\n' "$files" | ${git} hash-object --no-filters --stdin-paths) <(printf '%s\\n' "$files" | while IFS= read -r f; do if [ -L "$f" ]; then echo "l $f -> $(readlink "$f")"; elif [ -x "$f" ]; then echo "x $f"; else echo "- $f"; fi; done)
  fi
) > "$d/state" 2>&1
exit $code
`;
  const shim = path.join(bin, 'git');
  await writeFile(shim, script);
  await chmod(shim, 0o755);
  // A shim bash cannot parse would fail every command the same way with both engines, and the
  // comparison would find nothing: refuse it here.
  await execFileAsync('bash', ['-n', shim]);
  return bin;
}

/** Every entry of a journal, in order. */
export async function readJournal(dir: string): Promise<JournalEntry[]> {
  servers.get(dir)?.kill();
  servers.delete(dir);
  const root = path.join(dir, 'entries');
  const names = (await readdir(root).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const entries: JournalEntry[] = [];
  for (const name of names.sort((a, b) => Number(a) - Number(b))) {
    const d = path.join(root, name);
    const read = (file: string) => readFile(path.join(d, file), 'utf8').catch(() => '');
    entries.push({
      index: Number(name),
      argv: (await read('argv')).split('\0').slice(0, -1),
      cwd: (await read('cwd')).trim(),
      code: Number((await read('code')).trim() || 'NaN'),
      stdout: await read('out'),
      stderr: await read('err'),
      state: await read('state'),
    });
  }
  return entries;
}

/** A command as a learner would type it. */
export function commandLine(argv: string[]): string {
  return ['git', ...argv.map((arg) => (/^[\w./@=:+,-]+$/.test(arg) ? arg : JSON.stringify(arg)))].join(' ');
}

export interface Divergence {
  index: number;
  command: string;
  what: string;
  expected: string;
  actual: string;
}

/**
 * The first command whose result differs between the reference journal (real git) and the
 * engine's, with each run's own temporary root replaced by `<root>`. Undefined when equal.
 */
export function firstDivergence(
  reference: JournalEntry[],
  candidate: JournalEntry[],
  roots: {reference: string; candidate: string},
): Divergence | undefined {
  const norm = (text: string, root: string) => text.split(root).join('<root>');
  const count = Math.max(reference.length, candidate.length);
  for (let i = 0; i < count; i++) {
    const a = reference[i];
    const b = candidate[i];
    if (!a || !b) {
      // The script went another way (a block failed or timed out): the command one side never ran.
      const present = (a ?? b)!;
      return {index: i + 1, command: commandLine(present.argv), what: 'whether it ran', expected: a ? 'ran' : 'not run', actual: b ? 'ran' : 'not run (the script stopped before it)'};
    }
    const command = commandLine(a.argv);
    const fields: [string, string, string][] = [
      ['arguments', JSON.stringify(a.argv), JSON.stringify(b.argv)],
      ['working directory', norm(a.cwd, roots.reference), norm(b.cwd, roots.candidate)],
      ['exit code', String(a.code), String(b.code)],
      ['stdout', norm(a.stdout, roots.reference), norm(b.stdout, roots.candidate)],
      ['stderr', norm(a.stderr, roots.reference), norm(b.stderr, roots.candidate)],
      ['repository state after it', norm(a.state, roots.reference), norm(b.state, roots.candidate)],
    ];
    for (const [what, expected, actual] of fields) {
      if (expected !== actual) return {index: i + 1, command, what, expected, actual};
    }
  }
  return undefined;
}

/** A divergence in words, with the first differing lines. */
export function describeDivergence(d: Divergence): string {
  const e = d.expected.split('\n');
  const a = d.actual.split('\n');
  let line = 0;
  while (line < Math.max(e.length, a.length) && e[line] === a[line]) line++;
  const context = (lines: string[]) => lines.slice(Math.max(0, line - 2), line + 4).map((l) => `      ${l}`).join('\n');
  return `command ${d.index} \`${d.command}\`: ${d.what} differs (from line ${line + 1})\n    real git:\n${context(e)}\n    sandbox-git:\n${context(a)}`;
}
