/**
 * The grammar of the playground's shell: the part of bash the lessons' blocks use, parsed into a
 * tree the interpreter (`interpret.ts`) runs. Words keep their quoting (expansions happen when a
 * command runs, so `$(...)` sees the files the commands before it wrote), heredoc bodies are read
 * from the lines after the one that opened them, and a text that is not finished yet (an open
 * quote, a heredoc without its delimiter, a trailing `\`, `&&`, `||` or `|`) is reported as
 * incomplete, so the terminal asks for the next line instead of failing: that is how a pasted
 * block runs command by command, each heredoc whole.
 *
 * Not bash: no `if`/`for`/functions, no globbing (git expands its own pathspecs), no subshells.
 * Those give one clear line, never a guess.
 */

/** A piece of a word. `quoted`: inside quotes (no brace expansion, no field splitting). */
export type WordPart =
  | {kind: 'text'; text: string; quoted: boolean}
  | {kind: 'var'; name: string; quoted: boolean}
  | {kind: 'subst'; script: string; quoted: boolean};

export type Word = WordPart[];

export type Redirect =
  /** `>`, `>>`, `2>`, `2>>`, `&>`: fd 1, 2 or both (`'both'`) to a file. */
  | {kind: 'write'; fd: 1 | 2 | 'both'; append: boolean; target: Word}
  /** `< file`. */
  | {kind: 'read'; target: Word}
  /** `<< EOF` / `<< 'EOF'` / `<<- EOF`: the body, expanded when the delimiter was not quoted. */
  | {kind: 'heredoc'; body: string; expand: boolean}
  /** `2>&1` (fd 2 where fd 1 goes) or `>&2`. */
  | {kind: 'dup'; fd: 1 | 2; to: 1 | 2};

export interface SimpleCommand {
  /** `NAME=value` words before the command name. */
  assignments: {name: string; value: Word}[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
}

/** One pipeline of a list and how the next one depends on it. */
export interface ListItem {
  pipeline: Pipeline;
  /** The operator after it: `&&` runs the next only on success, `||` only on failure. */
  then: '&&' | '||' | ';';
}

export type ParseResult =
  | {kind: 'ok'; items: ListItem[]}
  /** More lines are needed (what is missing, for the continuation prompt's tests). */
  | {kind: 'incomplete'; missing: 'quote' | 'heredoc' | 'continuation' | 'operand' | 'substitution'}
  | {kind: 'error'; message: string};

class Incomplete {
  constructor(readonly missing: 'quote' | 'heredoc' | 'continuation' | 'operand' | 'substitution') {}
}
class SyntaxError_ {
  constructor(readonly message: string) {}
}

const BLANK = /[ \t]/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  redirect: {kind: 'heredoc'; body: string; expand: boolean};
}

/** Parses a whole text (one or more lines). */
export function parseShell(src: string): ParseResult {
  try {
    return {kind: 'ok', items: new Parser(src).list()};
  } catch (error) {
    if (error instanceof Incomplete) return {kind: 'incomplete', missing: error.missing};
    if (error instanceof SyntaxError_) return {kind: 'error', message: error.message};
    throw error;
  }
}

/** Whether `src` is a complete command list (false: the terminal waits for another line). */
export function isComplete(src: string): boolean {
  return parseShell(src).kind !== 'incomplete';
}

class Parser {
  private i = 0;
  private readonly heredocs: PendingHeredoc[] = [];

  constructor(private readonly src: string) {}

  private peek(offset = 0): string {
    return this.src[this.i + offset] ?? '';
  }

  private startsWith(text: string): boolean {
    return this.src.startsWith(text, this.i);
  }

  private skipBlanks(): void {
    for (;;) {
      const ch = this.peek();
      if (BLANK.test(ch) && ch !== '') this.i++;
      else if (ch === '\\' && this.peek(1) === '\n') {
        this.i += 2;
        if (this.atEnd()) throw new Incomplete('continuation');
      } else if (ch === '#') {
        while (this.i < this.src.length && this.peek() !== '\n') this.i++;
      } else return;
    }
  }

  /** Consumes a newline and the bodies of the heredocs opened on the line it ends. */
  private newline(): void {
    this.i++;
    for (const pending of this.heredocs.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (this.i >= this.src.length) throw new Incomplete('heredoc');
        const end = this.src.indexOf('\n', this.i);
        // The delimiter must be a whole line: a last line without its newline may still grow.
        if (end < 0) throw new Incomplete('heredoc');
        const raw = this.src.slice(this.i, end);
        this.i = end + 1;
        const line = pending.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (line === pending.delimiter) break;
        lines.push(line);
      }
      pending.redirect.body = lines.map((l) => `${l}\n`).join('');
    }
  }

  private atEnd(): boolean {
    return this.i >= this.src.length;
  }

  /** Blank lines, comments and newlines between commands (and after `&&`, `||`, `|`). */
  private skipSpace(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '\n') this.newline();
      else return;
    }
  }

  list(): ListItem[] {
    const items: ListItem[] = [];
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) break;
      if (this.peek() === ';') throw new SyntaxError_("syntax error near unexpected token `;'");
      const pipeline = this.pipeline();
      this.skipBlanks();
      let then: ListItem['then'] = ';';
      if (this.startsWith('&&') || this.startsWith('||')) {
        then = this.src.slice(this.i, this.i + 2) as '&&' | '||';
        this.i += 2;
        this.skipSpace();
        if (this.atEnd()) throw new Incomplete('operand');
      } else if (this.peek() === ';' || this.peek() === '&') {
        this.i++;
      } else if (this.peek() === '\n') {
        this.newline();
      } else if (!this.atEnd()) {
        throw new SyntaxError_(`syntax error near unexpected token \`${this.peek()}'`);
      }
      items.push({pipeline, then});
    }
    if (this.heredocs.length > 0) throw new Incomplete('heredoc');
    return items;
  }

  private pipeline(): Pipeline {
    const commands = [this.command()];
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '|' && this.peek(1) !== '|') {
        this.i++;
        this.skipSpace();
        if (this.atEnd()) throw new Incomplete('operand');
        commands.push(this.command());
      } else return {commands};
    }
  }

  private command(): SimpleCommand {
    const command: SimpleCommand = {assignments: [], words: [], redirects: []};
    for (;;) {
      this.skipBlanks();
      const ch = this.peek();
      if (ch === '' || ch === '\n' || ch === ';' || ch === '|' || ch === '&') {
        if (ch === '&' && this.peek(1) === '>') {
          this.i += 2;
          command.redirects.push({kind: 'write', fd: 'both', append: false, target: this.redirectTarget()});
          continue;
        }
        break;
      }
      if (ch === '(' || ch === ')') throw new SyntaxError_(`syntax error near unexpected token \`${ch}'`);
      if (this.redirect(command)) continue;
      const start = this.i;
      const assignment = NAME.exec(this.src.slice(this.i));
      if (command.words.length === 0 && assignment && this.src[this.i + assignment[0].length] === '=') {
        this.i += assignment[0].length + 1;
        command.assignments.push({name: assignment[0], value: this.word(true)});
        continue;
      }
      this.i = start;
      command.words.push(this.word(false));
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) {
      throw new SyntaxError_(`syntax error near unexpected token \`${this.peek() || 'newline'}'`);
    }
    return command;
  }

  private redirectTarget(): Word {
    this.skipBlanks();
    const ch = this.peek();
    if (ch === '' || ch === '\n' || ch === ';' || ch === '|' || ch === '&' || ch === '<' || ch === '>') {
      throw new SyntaxError_(`syntax error near unexpected token \`${ch || 'newline'}'`);
    }
    return this.word(false);
  }

  /** A redirection at the cursor, added to `command`; false when there is none. */
  private redirect(command: SimpleCommand): boolean {
    const m = /^([0-9]?)(<<-|<<|>>|>&|>|<)/.exec(this.src.slice(this.i));
    if (!m) return false;
    const fd = m[1] === '' ? undefined : Number(m[1]);
    const op = m[2]!;
    this.i += m[0].length;
    if (op === '<<' || op === '<<-') {
      this.skipBlanks();
      const delimiterWord = this.word(false);
      const quoted = delimiterWord.some((p) => p.quoted);
      const delimiter = delimiterWord.map((p) => (p.kind === 'text' ? p.text : p.kind === 'var' ? `$${p.name}` : `$(${p.script})`)).join('');
      if (delimiter === '') throw new SyntaxError_("syntax error near unexpected token `newline'");
      const redirect = {kind: 'heredoc' as const, body: '', expand: !quoted};
      this.heredocs.push({delimiter, stripTabs: op === '<<-', redirect});
      command.redirects.push(redirect);
      return true;
    }
    if (op === '>&') {
      const to = this.peek();
      if (to === '1' || to === '2') {
        this.i++;
        command.redirects.push({kind: 'dup', fd: fd === 2 ? 2 : 1, to: Number(to) as 1 | 2});
        return true;
      }
      throw new SyntaxError_('only 2>&1 and >&2 are supported here');
    }
    if (op === '<') {
      command.redirects.push({kind: 'read', target: this.redirectTarget()});
      return true;
    }
    if (fd !== undefined && fd !== 1 && fd !== 2) throw new SyntaxError_(`file descriptor ${fd} is not supported here`);
    command.redirects.push({kind: 'write', fd: fd === 2 ? 2 : 1, append: op === '>>', target: this.redirectTarget()});
    return true;
  }

  /**
   * One word from the cursor. `assignment`: the value of `NAME=`, which may be empty.
   */
  private word(assignment: boolean): Word {
    const parts: Word = [];
    let text = '';
    let quotedText = false;
    const flush = () => {
      if (text !== '') parts.push({kind: 'text', text, quoted: quotedText});
      text = '';
    };
    const pushText = (t: string, quoted: boolean) => {
      if (t === '') {
        // `''` is an empty word of its own.
        flush();
        parts.push({kind: 'text', text: '', quoted: true});
        return;
      }
      if (quoted !== quotedText) flush();
      quotedText = quoted;
      text += t;
    };
    for (;;) {
      const ch = this.peek();
      if (ch === '' || BLANK.test(ch) || ch === '\n' || ch === ';' || ch === '|' || ch === '&' || ch === '(' || ch === ')') break;
      if ((ch === '<' || ch === '>') && !(parts.length === 0 && text === '' && assignment)) break;
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === '') throw new Incomplete('continuation');
        this.i += 2;
        if (next !== '\n') pushText(next, true);
        else if (this.atEnd()) throw new Incomplete('continuation');
        continue;
      }
      if (ch === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) throw new Incomplete('quote');
        pushText(this.src.slice(this.i + 1, end), true);
        this.i = end + 1;
        continue;
      }
      if (ch === '"') {
        this.i++;
        flush();
        const inner = this.doubleQuoted();
        if (inner.length === 0) parts.push({kind: 'text', text: '', quoted: true});
        parts.push(...inner);
        continue;
      }
      if (ch === '$' || ch === '`') {
        const expansion = this.expansion(false);
        if (expansion) {
          flush();
          parts.push(expansion);
          continue;
        }
      }
      pushText(ch, false);
      this.i++;
    }
    flush();
    return parts;
  }

  /** The inside of "…", from just after the opening quote to just after the closing one. */
  private doubleQuoted(): WordPart[] {
    const parts: WordPart[] = [];
    let text = '';
    for (;;) {
      const ch = this.peek();
      if (ch === '') throw new Incomplete('quote');
      if (ch === '"') {
        this.i++;
        break;
      }
      if (ch === '\\' && '$`"\\\n'.includes(this.peek(1)) && this.peek(1) !== '') {
        if (this.peek(1) !== '\n') text += this.peek(1);
        this.i += 2;
        continue;
      }
      if (ch === '$' || ch === '`') {
        const expansion = this.expansion(true);
        if (expansion) {
          if (text) parts.push({kind: 'text', text, quoted: true});
          text = '';
          parts.push(expansion);
          continue;
        }
      }
      text += ch;
      this.i++;
    }
    if (text) parts.push({kind: 'text', text, quoted: true});
    return parts;
  }

  /** `$NAME`, `${NAME}`, `$?`, `$(…)` or `` `…` `` at the cursor; undefined for a lone `$`. */
  private expansion(quoted: boolean): WordPart | undefined {
    const rest = this.src.slice(this.i);
    if (rest.startsWith('$(')) {
      const end = matchingParen(this.src, this.i + 2);
      if (end < 0) throw new Incomplete('substitution');
      const script = this.src.slice(this.i + 2, end);
      this.i = end + 1;
      return {kind: 'subst', script, quoted};
    }
    if (rest.startsWith('`')) {
      const end = this.src.indexOf('`', this.i + 1);
      if (end < 0) throw new Incomplete('substitution');
      const script = this.src.slice(this.i + 1, end);
      this.i = end + 1;
      return {kind: 'subst', script, quoted};
    }
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (braced) {
      this.i += braced[0].length;
      return {kind: 'var', name: braced[1]!, quoted};
    }
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*|\?)/.exec(rest);
    if (plain) {
      this.i += plain[0].length;
      return {kind: 'var', name: plain[1]!, quoted};
    }
    return undefined;
  }
}

/** The index of the `)` closing a `$(` whose inside starts at `start`; -1 when not there yet. */
function matchingParen(src: string, start: number): number {
  let depth = 1;
  for (let j = start; j < src.length; j++) {
    const ch = src[j]!;
    if (ch === '\\') j++;
    else if (ch === "'") {
      j = src.indexOf("'", j + 1);
      if (j < 0) return -1;
    } else if (ch === '"') {
      for (j++; j < src.length && src[j] !== '"'; j++) if (src[j] === '\\') j++;
      if (j >= src.length) return -1;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j;
  }
  return -1;
}

/**
 * Expands the body of an unquoted heredoc, as bash does: `$NAME`, `${NAME}`, `$(…)` and
 * backticks; `\$`, `` \` `` and `\\` stand for themselves. Returns the parts to evaluate.
 */
export function parseHeredocBody(body: string): WordPart[] {
  const parts: WordPart[] = [];
  let text = '';
  for (let i = 0; i < body.length; ) {
    const ch = body[i]!;
    if (ch === '\\' && '$`\\'.includes(body[i + 1] ?? 'x')) {
      text += body[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\\' && body[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (ch === '$' || ch === '`') {
      const rest = body.slice(i);
      let part: WordPart | undefined;
      let length = 0;
      if (rest.startsWith('$(')) {
        const end = matchingParen(body, i + 2);
        if (end > 0) {
          part = {kind: 'subst', script: body.slice(i + 2, end), quoted: true};
          length = end + 1 - i;
        }
      } else if (ch === '`') {
        const end = body.indexOf('`', i + 1);
        if (end > 0) {
          part = {kind: 'subst', script: body.slice(i + 1, end), quoted: true};
          length = end + 1 - i;
        }
      } else {
        const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}|^\$([A-Za-z_][A-Za-z0-9_]*|\?)/.exec(rest);
        if (m) {
          part = {kind: 'var', name: (m[1] ?? m[2])!, quoted: true};
          length = m[0].length;
        }
      }
      if (part) {
        if (text) parts.push({kind: 'text', text, quoted: true});
        text = '';
        parts.push(part);
        i += length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  if (text) parts.push({kind: 'text', text, quoted: true});
  return parts;
}

/**
 * Bash's brace expansion of one word's unquoted text: `src/{a,b}` -> `src/a`, `src/b` (nested
 * and several groups too). Only groups with a comma expand, as in bash.
 */
export function expandBraces(text: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      if (depth === 0) {
        open = i;
        commas.length = 0;
      }
      depth++;
    } else if (ch === ',' && depth === 1) commas.push(i);
    else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0 && commas.length > 0) {
        const before = text.slice(0, open);
        const after = text.slice(i + 1);
        const bounds = [open, ...commas, i];
        const options = bounds.slice(0, -1).map((b, k) => text.slice(b + 1, bounds[k + 1]));
        return options.flatMap((option) => expandBraces(`${before}${option}${after}`));
      }
    }
  }
  return [text];
}
