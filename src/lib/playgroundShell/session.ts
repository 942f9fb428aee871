/**
 * What happens between the terminal's keystrokes and the shell: line editing (cursor keys,
 * backspace, Ctrl-A/E/U, Ctrl-C), arrow-key history, the continuation prompt while a command is
 * not complete (an open quote, a heredoc without its delimiter yet) and a queue, so that a paste
 * of many lines runs command by command, in order, each heredoc whole, and what the learner types
 * meanwhile waits its turn. Pure: the terminal is `write`, the shell is `run`.
 */
import {isComplete} from './parse';

export interface SessionHost {
  /** Writes to the terminal (already with `\r\n` line ends). */
  write(text: string): void;
  /** The primary prompt, e.g. `~/02-before-fix (main) $ `. */
  prompt(): string | Promise<string>;
  /** Runs one complete command text (it ends with a newline); the shell writes its own output. */
  run(script: string): Promise<void>;
  /** Ctrl-L. */
  clear(): void;
}

export const CONTINUATION_PROMPT = '> ';

/** Longest history kept (the oldest entries go first). */
export const HISTORY_LIMIT = 200;

export class TerminalSession {
  private buffer = '';
  private cursor = 0;
  /** Lines of a command that is not complete yet. */
  private pending: string[] = [];
  private readonly queue: string[] = [];
  private draining: Promise<void> | undefined;
  /** Where ↑/↓ are in `history` (history.length: the line being typed). */
  private historyIndex: number;
  /** The line being typed when ↑ was first pressed. */
  private draft = '';
  private currentPrompt = '';
  /** An escape sequence split across two chunks. */
  private partialEscape = '';

  constructor(
    private readonly host: SessionHost,
    readonly history: string[] = [],
  ) {
    this.historyIndex = history.length;
  }

  /** Writes the first prompt. */
  async start(): Promise<void> {
    await this.showPrompt();
  }

  /** Whether a command runs or input waits. */
  get busy(): boolean {
    return this.draining !== undefined;
  }

  /** Keystrokes or pasted text, as the terminal hands them over. Resolves when all has run. */
  input(data: string): Promise<void> {
    this.queue.push(data);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      let data = this.partialEscape + this.queue.shift()!;
      this.partialEscape = '';
      while (data.length > 0) {
        const consumed = await this.key(data);
        if (consumed === 0) {
          // An escape sequence cut at the chunk's end: wait for the rest.
          this.partialEscape = data;
          break;
        }
        data = data.slice(consumed);
      }
    }
  }

  private async showPrompt(): Promise<void> {
    this.currentPrompt = this.pending.length > 0 ? CONTINUATION_PROMPT : await this.host.prompt();
    this.host.write(this.currentPrompt);
  }

  /** Rewrites the line (prompt and buffer) and puts the cursor back. */
  private redraw(): void {
    const back = [...this.buffer.slice(this.cursor)].length;
    this.host.write(`\r\x1b[2K${this.currentPrompt}${this.buffer}${back > 0 ? `\x1b[${back}D` : ''}`);
  }

  private setBuffer(text: string): void {
    this.buffer = text;
    this.cursor = text.length;
    this.redraw();
  }

  /** Handles the key at the start of `data`; returns how many characters it took (0: need more). */
  private async key(data: string): Promise<number> {
    const ch = data[0]!;
    if (ch === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data);
      if (!m) return data.length < 6 && /^\x1b(\[[0-9;]*|O)?$/.test(data) ? 0 : 1;
      this.escape(m[1]!);
      return m[0].length;
    }
    if (ch === '\r' || ch === '\n') {
      // A pasted CRLF is one line end.
      const length = ch === '\r' && data[1] === '\n' ? 2 : 1;
      await this.enter();
      return length;
    }
    switch (ch) {
      case '\x7f':
      case '\b':
        if (this.cursor > 0) {
          const before = [...this.buffer.slice(0, this.cursor)];
          const removed = before.pop()!;
          this.buffer = before.join('') + this.buffer.slice(this.cursor);
          this.cursor -= removed.length;
          if (this.cursor === this.buffer.length && removed.length === 1) this.host.write('\b \b');
          else this.redraw();
        }
        return 1;
      case '\x03': // Ctrl-C: drop the line (and a command not complete yet).
        this.host.write('^C\r\n');
        this.buffer = '';
        this.cursor = 0;
        this.pending = [];
        this.historyIndex = this.history.length;
        await this.showPrompt();
        return 1;
      case '\x0c': // Ctrl-L
        this.host.clear();
        this.redraw();
        return 1;
      case '\x01': // Ctrl-A
        this.cursor = 0;
        this.redraw();
        return 1;
      case '\x05': // Ctrl-E
        this.cursor = this.buffer.length;
        this.redraw();
        return 1;
      case '\x15': // Ctrl-U
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        this.redraw();
        return 1;
      case '\t':
        // No completion: a tab in a pasted heredoc is text.
        this.insert('\t');
        return 1;
    }
    if (ch < ' ') return 1;
    // Printable text up to the next control character, inserted at once.
    const m = /^[^\x00-\x1f\x7f]+/.exec(data)!;
    this.insert(m[0]);
    return m[0].length;
  }

  private insert(text: string): void {
    const atEnd = this.cursor === this.buffer.length;
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    if (atEnd) this.host.write(text);
    else this.redraw();
  }

  private escape(sequence: string): void {
    switch (sequence) {
      case '[A':
      case 'OA':
        if (this.historyIndex > 0) {
          if (this.historyIndex === this.history.length) this.draft = this.buffer;
          this.historyIndex--;
          this.setBuffer(this.history[this.historyIndex]!);
        }
        return;
      case '[B':
      case 'OB':
        if (this.historyIndex < this.history.length) {
          this.historyIndex++;
          this.setBuffer(this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex]!);
        }
        return;
      case '[C':
      case 'OC':
        if (this.cursor < this.buffer.length) {
          this.cursor += [...this.buffer.slice(this.cursor)][0]!.length;
          this.redraw();
        }
        return;
      case '[D':
      case 'OD':
        if (this.cursor > 0) {
          this.cursor -= [...this.buffer.slice(0, this.cursor)].pop()!.length;
          this.redraw();
        }
        return;
      case '[H':
      case 'OH':
      case '[1~':
        this.cursor = 0;
        this.redraw();
        return;
      case '[F':
      case 'OF':
      case '[4~':
        this.cursor = this.buffer.length;
        this.redraw();
        return;
      case '[3~':
        if (this.cursor < this.buffer.length) {
          const after = [...this.buffer.slice(this.cursor)];
          after.shift();
          this.buffer = this.buffer.slice(0, this.cursor) + after.join('');
          this.redraw();
        }
        return;
    }
  }

  private async enter(): Promise<void> {
    this.host.write('\r\n');
    const line = this.buffer;
    this.buffer = '';
    this.cursor = 0;
    this.pending.push(line);
    const text = `${this.pending.join('\n')}\n`;
    if (!isComplete(text)) {
      await this.showPrompt();
      return;
    }
    this.pending = [];
    this.historyIndex = this.history.length;
    if (text.trim() !== '') {
      // One-line commands are recalled with ↑; a multi-line one (a heredoc, a long message) is not.
      if (!line.includes('\n') && text.split('\n').length === 2 && this.history[this.history.length - 1] !== line) {
        this.history.push(line);
        if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
      }
      this.historyIndex = this.history.length;
      await this.host.run(text);
    }
    await this.showPrompt();
  }
}
