// @ts-check
/**
 * The parity journal's server: one Node process per journal (one engine's run of a script), on
 * a loopback port, that runs and records each command the journal's shim (journal.ts) hands it.
 *
 * The shim used to record each command's repository state with some ten processes (git
 * for-each-ref, ls-files, rev-list, hash-object, find, sort, ...), and each sandbox git command
 * was a Node process of its own (`packages/sandbox-git/bin/git.js`, some 0.4 s of start-up for
 * 40 ms of work): about a second a command on a loaded machine, for some 3000 commands per
 * `npm test`. This server runs the command (real git as a process; the sandbox's git in-process,
 * with the same file system, zlib and isomorphic-git wiring as bin/git.js) with the shim's cwd and
 * environment, and records the state with three real git reads side by side (refs, index,
 * objects) and the worktree read here. What is compared is unchanged: the engine's output, and
 * the repository as real git reads it. A process of its own, not the test's: a test runs a dozen
 * scripts at once, and one event loop for all their commands was slower than a process each.
 * bin/git.js itself, the process wrapper, is run by the payload tests (history.test.ts,
 * payload-runs.test.ts) and by `PARITY_ENGINE_PROCESS=1`, which turns this server off.
 *
 * It also holds the engine to what the page's playground needs: many commands in one process,
 * with nothing carried over from one to the next.
 *
 * Usage: `node journal-server.mjs <git | sandbox-git> <real git> <sandbox git bin.js>`; prints its
 * port and a newline, exits when its stdin closes (its test process is gone).
 * Protocol: the shim writes the command's `argv` (NUL-separated), `cwd` and `env` (`env -0`) into
 * its journal entry's folder, sends the folder's path and a newline, and reads back the exit code
 * and a newline; the server has written `out`, `err` and `state` into the folder by then.
 */
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {lstat, readdir, readFile, readlink, stat, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import net from 'node:net';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import zlib from 'node:zlib';

const [ENGINE, REAL_GIT = 'git', SANDBOX_GIT_BIN = ''] = process.argv.slice(2);

/**
 * Minutes east of UTC at `ms` in the time zone `zone` (an IANA name or `UTC`), git's sign.
 * @param {string | undefined} zone @param {number} ms
 */
export function zoneOffset(zone, ms) {
  if (zone === undefined || zone === '' || zone === process.env.TZ) return -new Date(ms).getTimezoneOffset();
  const name = zone.replace(/^:/, '');
  if (/^UTC0?$|^GMT0?$/.test(name)) return 0;
  const parts = new Intl.DateTimeFormat('en-US', {timeZone: name, timeZoneName: 'longOffset'}).formatToParts(new Date(ms));
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** @typedef {{runGit: (argv: string[], ctx: object) => Promise<number>}} SandboxGit */

/** The sandbox's git, wired as bin/git.js wires it. @returns {Promise<SandboxGit>} */
async function loadSandboxGit() {
  const src = path.join(path.dirname(SANDBOX_GIT_BIN), '../src');
  const objects = await import(pathToFileURL(path.join(src, 'objects.js')).href);
  const requireFromEngine = createRequire(SANDBOX_GIT_BIN);
  objects.setIsomorphicGitLoader(async () => requireFromEngine('isomorphic-git'));
  objects.setZlib({inflate: (/** @type {Uint8Array} */ bytes) => zlib.inflateSync(bytes), deflate: (/** @type {Uint8Array} */ bytes) => zlib.deflateSync(bytes)});
  return import(pathToFileURL(path.join(src, 'cli.js')).href);
}

/** @type {Promise<SandboxGit> | undefined} */
let sandbox;

/** A process's output and exit code (never rejects). */
/** @param {string} file @param {string[]} args @param {{cwd: string, env: NodeJS.ProcessEnv}} options @returns {Promise<{code: number, stdout: Buffer, stderr: Buffer}>} */
function spawnCapture(file, args, options) {
  return new Promise((resolve) => {
    execFile(file, args, {...options, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      resolve({code, stdout, stderr: error && stderr.length === 0 && code === 127 ? Buffer.from(`${String(error)}\n`) : stderr});
    });
  });
}

/** The worktree and git dir that a command in `cwd` works on, as git finds them; undefined outside a repository. */
/** @param {string} cwd @returns {Promise<{top: string, gitdir: string} | undefined>} */
async function findRepository(cwd) {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const dotgit = path.join(dir, '.git');
    const info = await stat(dotgit).catch(() => undefined);
    if (info?.isDirectory() && (await stat(path.join(dotgit, 'HEAD')).catch(() => undefined))) return {top: dir, gitdir: dotgit};
    if (info?.isFile()) {
      const match = /^gitdir: (.*)$/m.exec(await readFile(dotgit, 'utf8'));
      if (match) return {top: dir, gitdir: path.resolve(dir, String(match[1]).trim())};
    }
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** Every file and link of the worktree but the top `.git`, sorted as `LC_ALL=C sort` sorts them. */
/** @param {string} top @returns {Promise<string[]>} */
async function worktreeFiles(top) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} dir @param {string} shown @returns {Promise<void>} */
  const walk = async (dir, shown) => {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      const rel = `${shown}/${entry.name}`;
      if (rel === './.git') continue;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(rel);
    }
  };
  await walk(top, '.');
  return found.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * The repository after a command: HEAD, refs, index, reachable objects and merge state as real
 * git reads them, then every worktree file's blob id and mode. Same record for both engines.
 */
/** @param {string} cwd @param {NodeJS.ProcessEnv} env @returns {Promise<string>} */
async function repositoryState(cwd, env) {
  const where = await findRepository(cwd);
  if (!where) return '(no repository)\n';
  const {top, gitdir} = where;
  const git = (/** @type {string[]} */ args) => spawnCapture(REAL_GIT, args, {cwd: top, env: {...env, GIT_OPTIONAL_LOCKS: '0'}});
  const [refs, index, objects] = await Promise.all([
    git(['for-each-ref', '--format=%(refname) %(objectname)']),
    git(['ls-files', '-s']),
    git(['rev-list', '--objects', '--all']),
  ]);
  const text = (/** @type {{stdout: Buffer, stderr: Buffer}} */ r) => r.stdout.toString('utf8') + r.stderr.toString('utf8');
  let out = `HEAD: ${(await readFile(path.join(gitdir, 'HEAD'), 'utf8').catch(() => '')).replace(/\n$/, '')}\n`;
  out += text(refs);
  out += 'index:\n' + text(index);
  const objectLines = text(objects).split('\n').filter(Boolean);
  objectLines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  out += 'objects:\n' + objectLines.map((line) => `${line}\n`).join('');
  for (const name of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'CHERRY_PICK_HEAD']) {
    const content = await readFile(path.join(gitdir, name), 'utf8').catch(() => undefined);
    if (content !== undefined) out += `${name}:\n${content}`;
  }
  out += 'worktree:\n';
  for (const rel of await worktreeFiles(top)) {
    const file = path.join(top, rel);
    const info = await lstat(file);
    const link = info.isSymbolicLink();
    const bytes = link ? Buffer.from(await readlink(file)) : await readFile(file);
    const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    out += `${blob} ${link ? `l ${rel} -> ${await readlink(file)}` : `${info.mode & 0o100 ? 'x' : '-'} ${rel}`}\n`;
  }
  return out;
}

/** Runs one journaled command from its entry folder with `engine`, records it; returns the exit code. */
/** @param {string} entry @returns {Promise<number>} */
async function runEntry(entry) {
  const read = (/** @type {string} */ name) => readFile(path.join(entry, name), 'utf8');
  const argv = (await read('argv')).split('\0').slice(0, -1);
  const cwd = (await read('cwd')).replace(/\n$/, '');
  /** @type {Record<string, string>} */
  const env = {};
  for (const pair of (await read('env')).split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  let code;
  if (ENGINE === 'git') {
    const result = await spawnCapture(REAL_GIT, argv, {cwd, env});
    code = result.code;
    await writeFile(path.join(entry, 'out'), result.stdout);
    await writeFile(path.join(entry, 'err'), result.stderr);
  } else {
    sandbox ??= loadSandboxGit();
    let stdout = '';
    let stderr = '';
    code = await (await sandbox).runGit(argv, {
      fs,
      cwd,
      env,
      now: () => Date.now(),
      tzOffset: (/** @type {number} */ ms) => zoneOffset(env.TZ, ms),
      stdout: (/** @type {string} */ text) => void (stdout += text),
      stderr: (/** @type {string} */ text) => void (stderr += text),
      isTTY: false,
    });
    await writeFile(path.join(entry, 'out'), stdout);
    await writeFile(path.join(entry, 'err'), stderr);
  }
  await writeFile(path.join(entry, 'state'), await repositoryState(cwd, env));
  return code;
}

function serve() {
  const server = net.createServer((socket) => {
    let request = '';
    let running = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      request += chunk;
      const newline = request.indexOf('\n');
      if (newline < 0 || running) return;
      running = true;
      const entry = request.slice(0, newline);
      runEntry(entry)
        .catch(async (error) => {
          // runGit never throws; reading the entry can. Say so where the journal shows it.
          await writeFile(path.join(entry, 'err'), `journal server: ${String(error)}\n`).catch(() => undefined);
          return 70;
        })
        .then((code) => socket.end(`${code}\n`));
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  // Gone with the test process that started it.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

if (ENGINE === 'git' || ENGINE === 'sandbox-git') serve();
