/**
 * The playground's shell: runs what `parse.ts` reads, over a file system with Node's
 * `fs.promises` shape (the engine's `MemoryFs` in the page), with the commands the lessons' blocks
 * use as builtins and `git` handed to the course's engine. Everything it prints comes from
 * `ShellMessages` (the page's language); no error ends in a stack trace: a failing builtin prints
 * one line and returns a status, as a shell does.
 */
import {basename, dirname, normalize, resolve} from '../../../packages/sandbox-git/src/path.js';
import type {FsLike} from '../../../packages/sandbox-git/src/fs.js';
import {expandBraces, parseHeredocBody, parseShell, type Redirect, type SimpleCommand, type Word, type WordPart} from './parse';

/** Every line the shell says in its own words (the page's language: the component fills them in). */
export interface ShellMessages {
  /** `x: command not found`. */
  notFound(command: string): string;
  /** `node`, `npm`, `npx`: not in the page; run it in the StackBlitz sandbox. */
  needsSandbox(command: string): string;
  noSuchFile(command: string, path: string): string;
  isDirectory(command: string, path: string): string;
  notDirectory(command: string, path: string): string;
  fileExists(command: string, path: string): string;
  missingOperand(command: string): string;
  /** A syntax the playground's shell does not have (pipes into unknown commands, `if`, ...). */
  syntax(detail: string): string;
  /** `edit` without a file name. */
  editUsage(): string;
  /** `edit` left without saving. */
  editCancelled(path: string): string;
  /** What `help` prints: one line per group of commands. */
  help(): string[];
  /** A builtin failed for a reason of the file system (kept to one line). */
  failed(command: string, reason: string): string;
}

export interface ShellHost {
  fs: FsLike;
  /** The shell's environment (HOME, USER, ...): also what git is given. */
  env: Record<string, string>;
  /** Runs the course's git engine; returns its exit code. */
  git(argv: string[], io: {cwd: string; env: Record<string, string>; stdout: (text: string) => void; stderr: (text: string) => void}): Promise<number>;
  /** Clears the terminal's screen. */
  clear(): void;
  /**
   * Lets the learner edit a file (the editor panel). Resolves with the text to save, or undefined
   * when they cancel. `content` is undefined for a new file.
   */
  edit(path: string, content: string | undefined): Promise<string | undefined>;
  now(): number;
  messages: ShellMessages;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Where a command's fd 1 or 2 goes while it runs. */
type Sink = {kind: 'out'} | {kind: 'err'} | {kind: 'null'} | {kind: 'file'; path: string; chunks: string[]};

interface Io {
  stdin: string | undefined;
  out(text: string): void;
  err(text: string): void;
}

type Builtin = (args: string[], io: Io, shell: Shell) => Promise<number>;

/** Commands that exist only with Node.js: the StackBlitz sandbox runs them. */
export const SANDBOX_ONLY = ['node', 'npm', 'npx', 'yarn', 'pnpm', 'vitest'];

const fsCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as {code?: string}).code : undefined;

/** Thrown inside a builtin for a one-line error and a status. */
class CommandError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

export class Shell {
  cwd: string;
  /** The previous directory (`cd -`). */
  oldCwd: string;
  lastStatus = 0;
  readonly env: Record<string, string>;

  constructor(
    readonly host: ShellHost,
    cwd: string,
  ) {
    this.cwd = normalize(cwd);
    this.oldCwd = this.cwd;
    this.env = {...host.env, PWD: this.cwd};
  }

  private get fs() {
    return this.host.fs.promises;
  }

  private get m() {
    return this.host.messages;
  }

  /** An absolute path for `path` as the learner typed it. */
  path(path: string): string {
    return resolve(this.cwd, path);
  }

  /** Runs a complete text (one or more commands); returns the last status. */
  async run(src: string, output: Output): Promise<number> {
    const parsed = parseShell(src);
    if (parsed.kind === 'incomplete') {
      output.stderr(`${this.m.syntax('unexpected end of file')}\n`);
      return (this.lastStatus = 2);
    }
    if (parsed.kind === 'error') {
      output.stderr(`${this.m.syntax(parsed.message)}\n`);
      return (this.lastStatus = 2);
    }
    let status = this.lastStatus;
    let previous: '&&' | '||' | ';' = ';';
    for (const item of parsed.items) {
      const skip = (previous === '&&' && status !== 0) || (previous === '||' && status === 0);
      if (!skip) {
        status = await this.pipeline(item.pipeline.commands, output);
        this.lastStatus = status;
      }
      previous = item.then;
    }
    return status;
  }

  private async pipeline(commands: SimpleCommand[], output: Output): Promise<number> {
    let stdin: string | undefined;
    let status = 0;
    for (let k = 0; k < commands.length; k++) {
      const last = k === commands.length - 1;
      const captured: string[] = [];
      status = await this.command(commands[k]!, {
        stdin,
        out: last ? (t) => output.stdout(t) : (t) => captured.push(t),
        err: (t) => output.stderr(t),
      });
      stdin = captured.join('');
    }
    return status;
  }

  /** Runs `script` and returns what it printed, as `$(...)` does (trailing newlines removed). */
  private async substitute(script: string, io: Io): Promise<string> {
    const chunks: string[] = [];
    await this.run(script, {stdout: (t) => chunks.push(t), stderr: (t) => io.err(t)});
    return chunks.join('').replace(/\n+$/, '');
  }

  private async part(part: WordPart, io: Io): Promise<string> {
    if (part.kind === 'text') return part.text;
    if (part.kind === 'var') return part.name === '?' ? String(this.lastStatus) : (this.env[part.name] ?? '');
    return this.substitute(part.script, io);
  }

  /** A word as the command's arguments: tilde, braces, variables, substitutions, field splitting. */
  private async words(word: Word, io: Io): Promise<string[]> {
    if (word.length === 1 && word[0]!.kind === 'text' && !word[0]!.quoted) {
      const text = word[0]!.text;
      return expandBraces(text).map((w) => this.tilde(w));
    }
    // Fields: unquoted expansions split on blanks; quoted text and literal text do not.
    const fields: string[] = [];
    let current: string | undefined;
    for (const [index, part] of word.entries()) {
      let value = await this.part(part, io);
      if (index === 0 && part.kind === 'text' && !part.quoted) value = this.tilde(value);
      if (part.kind !== 'text' && !part.quoted) {
        const pieces = value.split(/[ \t\n]+/);
        if (value.trim() === '') continue;
        if (/^[ \t\n]/.test(value) && current !== undefined) {
          fields.push(current);
          current = undefined;
        }
        const trimmed = pieces.filter((p) => p !== '');
        trimmed.forEach((piece, i) => {
          if (i === 0) current = (current ?? '') + piece;
          else {
            fields.push(current ?? '');
            current = piece;
          }
        });
        if (/[ \t\n]$/.test(value)) {
          if (current !== undefined) fields.push(current);
          current = undefined;
        }
      } else current = (current ?? '') + value;
    }
    if (current !== undefined) fields.push(current);
    return fields;
  }

  private tilde(word: string): string {
    const home = this.env.HOME ?? '/';
    if (word === '~') return home;
    if (word.startsWith('~/')) return `${home}${word.slice(1)}`;
    return word;
  }

  /** A word that must stay one word (a redirection's file, an assignment's value). */
  private async single(word: Word, io: Io): Promise<string> {
    const values = await Promise.all(word.map((p) => this.part(p, io)));
    const text = values.join('');
    return word[0]?.kind === 'text' && !word[0].quoted ? this.tilde(text) : text;
  }

  private async command(command: SimpleCommand, io: Io): Promise<number> {
    const args: string[] = [];
    for (const word of command.words) args.push(...(await this.words(word, io)));
    const assigned: Record<string, string> = {};
    for (const {name, value} of command.assignments) assigned[name] = await this.single(value, io);
    if (args.length === 0) Object.assign(this.env, assigned);

    // Redirections, in order: each fd's sink, the stdin.
    let out: Sink = {kind: 'out'};
    let err: Sink = {kind: 'err'};
    let stdin = io.stdin;
    const files: Extract<Sink, {kind: 'file'}>[] = [];
    const openSink = async (target: string, append: boolean): Promise<Sink> => {
      if (target === '/dev/null') return {kind: 'null'};
      const path = this.path(target);
      const existing = await this.statOf(path);
      if (existing?.isDirectory()) throw new CommandError(this.m.isDirectory('bash', target));
      if (!existing || !append) {
        try {
          await this.fs.writeFile(path, '');
        } catch (error) {
          throw new CommandError(this.fsMessage('bash', target, error));
        }
      }
      const sink = {kind: 'file' as const, path, chunks: []};
      files.push(sink);
      return sink;
    };
    try {
      for (const redirect of command.redirects) await this.applyRedirect(redirect, io, openSink, {
        get out() {
          return out;
        },
        set out(s) {
          out = s;
        },
        get err() {
          return err;
        },
        set err(s) {
          err = s;
        },
        setStdin: (text) => {
          stdin = text;
        },
      });
    } catch (error) {
      io.err(`${error instanceof CommandError ? error.message : String(error)}\n`);
      return 1;
    }
    const write = (sink: Sink) => (text: string) => {
      if (sink.kind === 'out') io.out(text);
      else if (sink.kind === 'err') io.err(text);
      else if (sink.kind === 'file') sink.chunks.push(text);
    };
    const commandIo: Io = {stdin, out: write(out), err: write(err)};
    let status: number;
    if (args.length === 0) status = 0;
    else {
      const saved = {...this.env};
      Object.assign(this.env, assigned);
      try {
        status = await this.exec(args, commandIo);
      } finally {
        if (Object.keys(assigned).length > 0) {
          for (const key of Object.keys(assigned)) {
            if (key in saved) this.env[key] = saved[key]!;
            else delete this.env[key];
          }
        }
      }
    }
    for (const sink of files) {
      if (sink.chunks.length === 0) continue;
      const before = new TextDecoder().decode((await this.fs.readFile(sink.path)) as Uint8Array);
      await this.fs.writeFile(sink.path, before + sink.chunks.join(''));
    }
    return status;
  }

  private async applyRedirect(
    redirect: Redirect,
    io: Io,
    openSink: (target: string, append: boolean) => Promise<Sink>,
    fds: {out: Sink; err: Sink; setStdin(text: string): void},
  ): Promise<void> {
    switch (redirect.kind) {
      case 'heredoc':
        fds.setStdin(redirect.expand ? await this.single(parseHeredocBody(redirect.body), io) : redirect.body);
        return;
      case 'read': {
        const target = await this.single(redirect.target, io);
        fds.setStdin(await this.readText('bash', target));
        return;
      }
      case 'dup':
        if (redirect.fd === 2) fds.err = fds.out;
        else fds.out = fds.err;
        return;
      case 'write': {
        const sink = await openSink(await this.single(redirect.target, io), redirect.append);
        if (redirect.fd === 1 || redirect.fd === 'both') fds.out = sink;
        if (redirect.fd === 2 || redirect.fd === 'both') fds.err = sink;
      }
    }
  }

  private async exec(args: string[], io: Io): Promise<number> {
    const [name, ...rest] = args as [string, ...string[]];
    if (name === 'git') {
      return this.host.git(rest, {cwd: this.cwd, env: this.env, stdout: io.out, stderr: io.err});
    }
    if (SANDBOX_ONLY.includes(name)) {
      io.err(`${this.m.needsSandbox(name)}\n`);
      return 127;
    }
    const builtin = BUILTINS[name];
    if (!builtin) {
      io.err(`${this.m.notFound(name)}\n`);
      return 127;
    }
    try {
      return await builtin(rest, io, this);
    } catch (error) {
      if (error instanceof CommandError) {
        io.err(`${error.message}\n`);
        return error.status;
      }
      io.err(`${this.m.failed(name, error instanceof Error ? error.message.split('\n')[0]! : String(error))}\n`);
      return 1;
    }
  }

  // ---- helpers for the builtins -------------------------------------------------------------

  async statOf(path: string) {
    try {
      return await this.fs.stat(path);
    } catch {
      return undefined;
    }
  }

  fsMessage(command: string, shown: string, error: unknown): string {
    const code = fsCode(error);
    if (code === 'ENOENT') return this.m.noSuchFile(command, shown);
    if (code === 'EISDIR') return this.m.isDirectory(command, shown);
    if (code === 'ENOTDIR') return this.m.notDirectory(command, shown);
    if (code === 'EEXIST') return this.m.fileExists(command, shown);
    return this.m.failed(command, error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }

  async readText(command: string, shown: string): Promise<string> {
    const path = this.path(shown);
    const stats = await this.statOf(path);
    if (!stats) throw new CommandError(this.m.noSuchFile(command, shown));
    if (stats.isDirectory()) throw new CommandError(this.m.isDirectory(command, shown));
    return new TextDecoder().decode((await this.fs.readFile(path)) as Uint8Array);
  }

  async mkdirp(path: string): Promise<void> {
    await this.fs.mkdir(path, {recursive: true});
  }

  async removeTree(path: string): Promise<void> {
    const stats = await this.fs.lstat(path);
    if (stats.isDirectory()) {
      for (const name of await this.fs.readdir(path)) await this.removeTree(`${path}/${name}`);
      await this.fs.rmdir(path);
    } else await this.fs.unlink(path);
  }

  async copyTree(from: string, to: string): Promise<void> {
    const stats = await this.fs.stat(from);
    if (stats.isDirectory()) {
      await this.mkdirp(to);
      for (const name of await this.fs.readdir(from)) await this.copyTree(`${from}/${name}`, `${to}/${name}`);
    } else await this.fs.writeFile(to, (await this.fs.readFile(from)) as Uint8Array);
  }

  messages(): ShellMessages {
    return this.m;
  }
}

/** Splits `-rf`, `-n`, `--` style options from operands (options: the letters seen). */
function options(args: string[], allowed: string): {flags: Set<string>; operands: string[]; unknown?: string} {
  const flags = new Set<string>();
  const operands: string[] = [];
  let done = false;
  for (const arg of args) {
    if (!done && arg === '--') done = true;
    else if (!done && /^-[A-Za-z0-9]+$/.test(arg)) {
      for (const letter of arg.slice(1)) {
        if (!allowed.includes(letter)) return {flags, operands, unknown: `-${letter}`};
        flags.add(letter);
      }
    } else operands.push(arg);
  }
  return {flags, operands};
}

function usage(command: string, option: string): CommandError {
  return new CommandError(`${command}: invalid option -- '${option.replace(/^-/, '')}'`, 2);
}

const echo: Builtin = async (args, io) => {
  let newline = true;
  let escapes = false;
  let k = 0;
  for (; k < args.length && /^-[neE]+$/.test(args[k]!); k++) {
    if (args[k]!.includes('n')) newline = false;
    if (args[k]!.includes('e')) escapes = true;
    if (args[k]!.includes('E')) escapes = false;
  }
  let text = args.slice(k).join(' ');
  if (escapes) text = text.replace(/\\(n|t|\\)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  io.out(newline ? `${text}\n` : text);
  return 0;
};

const cat: Builtin = async (args, io, shell) => {
  const {operands, unknown} = options(args, '');
  if (unknown) throw usage('cat', unknown);
  if (operands.length === 0) {
    io.out(io.stdin ?? '');
    return 0;
  }
  let status = 0;
  for (const file of operands) {
    if (file === '-') {
      io.out(io.stdin ?? '');
      continue;
    }
    try {
      io.out(await shell.readText('cat', file));
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      io.err(`${error.message}\n`);
      status = 1;
    }
  }
  return status;
};

const ls: Builtin = async (args, io, shell) => {
  const {flags, operands, unknown} = options(args, 'aAl1F');
  if (unknown) throw usage('ls', unknown);
  const targets = operands.length > 0 ? operands : ['.'];
  let status = 0;
  const fs = shell.host.fs.promises;
  const show = async (dir: string, names: string[]) => {
    const visible = names
      .filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'))
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    const all = flags.has('a') ? ['.', '..', ...visible] : visible;
    if (flags.has('l')) {
      for (const name of all) {
        const stats = await shell.statOf(resolve(dir, name));
        const type = stats?.isDirectory() ? 'd' : '-';
        io.out(`${type} ${String(stats?.size ?? 0).padStart(7)} ${name}\n`);
      }
    } else {
      const decorated = await Promise.all(
        all.map(async (name) => (flags.has('F') && (await shell.statOf(resolve(dir, name)))?.isDirectory() ? `${name}/` : name)),
      );
      if (decorated.length > 0) io.out(`${decorated.join(flags.has('1') ? '\n' : '  ')}\n`);
    }
  };
  const files: string[] = [];
  const dirs: string[] = [];
  for (const target of targets) {
    const stats = await shell.statOf(shell.path(target));
    if (!stats) {
      io.err(`${shell.messages().noSuchFile('ls', target)}\n`);
      status = 2;
    } else if (stats.isDirectory()) dirs.push(target);
    else files.push(target);
  }
  if (files.length > 0) await show(shell.cwd, files);
  for (const [k, dir] of dirs.entries()) {
    if (targets.length > 1) io.out(`${k > 0 || files.length > 0 ? '\n' : ''}${dir}:\n`);
    await show(shell.path(dir), await fs.readdir(shell.path(dir)));
  }
  return status;
};

const mkdir: Builtin = async (args, io, shell) => {
  const {flags, operands, unknown} = options(args, 'pv');
  if (unknown) throw usage('mkdir', unknown);
  if (operands.length === 0) throw new CommandError(shell.messages().missingOperand('mkdir'));
  let status = 0;
  for (const dir of operands) {
    const path = shell.path(dir);
    const stats = await shell.statOf(path);
    if (stats) {
      if (flags.has('p') && stats.isDirectory()) continue;
      io.err(`${shell.messages().fileExists('mkdir', dir)}\n`);
      status = 1;
      continue;
    }
    if (!flags.has('p') && !(await shell.statOf(dirname(path)))?.isDirectory()) {
      io.err(`${shell.messages().noSuchFile('mkdir', dir)}\n`);
      status = 1;
      continue;
    }
    try {
      await shell.mkdirp(path);
    } catch (error) {
      io.err(`${shell.fsMessage('mkdir', dir, error)}\n`);
      status = 1;
    }
  }
  return status;
};

const cd: Builtin = async (args, io, shell) => {
  const target = args[0] === undefined ? shell.env.HOME ?? '/' : args[0] === '-' ? shell.oldCwd : args[0];
  const path = shell.path(target);
  const stats = await shell.statOf(path);
  if (!stats) throw new CommandError(shell.messages().noSuchFile('cd', target));
  if (!stats.isDirectory()) throw new CommandError(shell.messages().notDirectory('cd', target));
  if (args[0] === '-') io.out(`${path}\n`);
  shell.oldCwd = shell.cwd;
  shell.cwd = path;
  shell.env.OLDPWD = shell.oldCwd;
  shell.env.PWD = path;
  return 0;
};

const rm: Builtin = async (args, io, shell) => {
  const {flags, operands, unknown} = options(args, 'rRfv');
  if (unknown) throw usage('rm', unknown);
  const recursive = flags.has('r') || flags.has('R');
  if (operands.length === 0 && !flags.has('f')) throw new CommandError(shell.messages().missingOperand('rm'));
  let status = 0;
  for (const file of operands) {
    const path = shell.path(file);
    const stats = await shell.host.fs.promises.lstat(path).catch(() => undefined);
    if (!stats) {
      if (!flags.has('f')) {
        io.err(`${shell.messages().noSuchFile('rm', file)}\n`);
        status = 1;
      }
      continue;
    }
    if (stats.isDirectory() && !recursive) {
      io.err(`${shell.messages().isDirectory('rm', file)}\n`);
      status = 1;
      continue;
    }
    await shell.removeTree(path);
  }
  return status;
};

/** `cp` and `mv`: sources into a folder, or one source onto a path. */
function copyOrMove(name: 'cp' | 'mv'): Builtin {
  return async (args, io, shell) => {
    const {flags, operands, unknown} = options(args, name === 'cp' ? 'rRfv' : 'fv');
    if (unknown) throw usage(name, unknown);
    if (operands.length < 2) throw new CommandError(shell.messages().missingOperand(name));
    const target = operands[operands.length - 1]!;
    const sources = operands.slice(0, -1);
    const targetStats = await shell.statOf(shell.path(target));
    if (sources.length > 1 && !targetStats?.isDirectory()) throw new CommandError(shell.messages().notDirectory(name, target));
    let status = 0;
    for (const source of sources) {
      const from = shell.path(source);
      const stats = await shell.statOf(from);
      if (!stats) {
        io.err(`${shell.messages().noSuchFile(name, source)}\n`);
        status = 1;
        continue;
      }
      if (name === 'cp' && stats.isDirectory() && !flags.has('r') && !flags.has('R')) {
        io.err(`${shell.messages().isDirectory(name, source)}\n`);
        status = 1;
        continue;
      }
      const to = targetStats?.isDirectory() ? resolve(shell.path(target), basename(from)) : shell.path(target);
      if (to === from || to.startsWith(`${from}/`)) {
        io.err(`${shell.messages().failed(name, `'${source}' -> '${target}'`)}\n`);
        status = 1;
        continue;
      }
      if (!(await shell.statOf(dirname(to)))?.isDirectory()) {
        io.err(`${shell.messages().noSuchFile(name, target)}\n`);
        status = 1;
        continue;
      }
      await shell.copyTree(from, to);
      if (name === 'mv') await shell.removeTree(from);
    }
    return status;
  };
}

const touch: Builtin = async (args, io, shell) => {
  if (args.length === 0) throw new CommandError(shell.messages().missingOperand('touch'));
  let status = 0;
  for (const file of args) {
    const path = shell.path(file);
    try {
      const existing = await shell.statOf(path);
      if (existing?.isDirectory()) continue;
      await shell.host.fs.promises.writeFile(path, existing ? ((await shell.host.fs.promises.readFile(path)) as Uint8Array) : '');
    } catch (error) {
      io.err(`${shell.fsMessage('touch', file, error)}\n`);
      status = 1;
    }
  }
  return status;
};

/** `head` and `tail`: `-n N`, `-N`, a file or stdin. */
function lines(name: 'head' | 'tail'): Builtin {
  return async (args, io, shell) => {
    let count = 10;
    const files: string[] = [];
    for (let k = 0; k < args.length; k++) {
      const arg = args[k]!;
      if (arg === '-n') count = Number(args[++k]);
      else if (/^-n\d+$/.test(arg)) count = Number(arg.slice(2));
      else if (/^-\d+$/.test(arg)) count = Number(arg.slice(1));
      else if (arg.startsWith('-') && arg !== '-') throw usage(name, arg);
      else files.push(arg);
    }
    if (!Number.isFinite(count) || count < 0) throw new CommandError(`${name}: invalid number of lines`);
    const texts = files.length === 0 ? [io.stdin ?? ''] : await Promise.all(files.map((f) => shell.readText(name, f)));
    for (const text of texts) {
      const all = text.split('\n');
      if (all[all.length - 1] === '') all.pop();
      const chosen = name === 'head' ? all.slice(0, count) : all.slice(Math.max(0, all.length - count));
      if (chosen.length > 0) io.out(`${chosen.join('\n')}\n`);
    }
    return 0;
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date` as GNU date prints it (local time, without the zone's name). */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

const edit: Builtin = async (args, io, shell) => {
  if (args.length !== 1) throw new CommandError(shell.messages().editUsage(), 2);
  const shown = args[0]!;
  const path = shell.path(shown);
  const stats = await shell.statOf(path);
  if (stats?.isDirectory()) throw new CommandError(shell.messages().isDirectory('edit', shown));
  if (!stats && !(await shell.statOf(dirname(path)))?.isDirectory()) throw new CommandError(shell.messages().noSuchFile('edit', shown));
  const before = stats ? await shell.readText('edit', shown) : undefined;
  const after = await shell.host.edit(path, before);
  if (after === undefined) {
    io.err(`${shell.messages().editCancelled(shown)}\n`);
    return 1;
  }
  await shell.host.fs.promises.writeFile(path, after);
  return 0;
};

const BUILTINS: Record<string, Builtin> = {
  echo,
  cat,
  ls,
  mkdir,
  cd,
  pwd: async (_args, io, shell) => {
    io.out(`${shell.cwd}\n`);
    return 0;
  },
  rm,
  cp: copyOrMove('cp'),
  mv: copyOrMove('mv'),
  touch,
  head: lines('head'),
  tail: lines('tail'),
  clear: async (_args, _io, shell) => {
    shell.host.clear();
    return 0;
  },
  date: async (_args, io, shell) => {
    io.out(`${formatDate(shell.host.now())}\n`);
    return 0;
  },
  edit,
  export: async (args, _io, shell) => {
    for (const arg of args) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
      if (m) shell.env[m[1]!] = m[2]!;
    }
    return 0;
  },
  true: async () => 0,
  false: async () => 1,
  help: async (_args, io, shell) => {
    io.out(`${shell.messages().help().join('\n')}\n`);
    return 0;
  },
};

/** The builtins' names, for `help` and the tests. */
export const BUILTIN_NAMES: readonly string[] = Object.keys(BUILTINS);
