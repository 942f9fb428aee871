/**
 * The simple commands of a bash script, as word lists: enough of bash's grammar to find every
 * `git` a lesson's block runs, with its arguments as bash would pass them (quotes removed,
 * `$(...)` and backticks looked into, heredoc bodies skipped, comments, `&&`, `||`, `;`, `|`,
 * redirections and line continuations understood). Placeholders a lesson shows for the reader to
 * fill in (`<hash-del-commit>`) stay one word.
 */

const OPERATORS = [';;', '&&', '||', ';', '|', '&', '(', ')'];

export function shellCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  /** Heredoc delimiters waiting for the end of the current line. */
  const heredocs: {delimiter: string; stripTabs: boolean}[] = [];
  let skipNextWord = false;
  let i = 0;

  const endWord = (): void => {
    if (word === undefined) return;
    if (skipNextWord) skipNextWord = false;
    else words.push(word);
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    // Variable assignments before a command (`LANG=C git log`) are not its name.
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words.shift();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  /** The text of `$(...)` from `start` (just after the `(`), balanced; returns the index after `)`. */
  const substitution = (start: number): number => {
    let depth = 1;
    let j = start;
    while (j < script.length && depth > 0) {
      const ch = script[j]!;
      if (ch === '\\') j++;
      else if (ch === "'") j = script.indexOf("'", j + 1);
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      if (j < 0) return script.length;
      j++;
    }
    commands.push(...shellCommands(script.slice(start, j - 1)));
    return j;
  };

  while (i < script.length) {
    const ch = script[i]!;
    if (ch === '\n') {
      endCommand();
      i++;
      // Heredoc bodies follow the line that opened them.
      for (const {delimiter, stripTabs} of heredocs.splice(0)) {
        while (i < script.length) {
          const end = script.indexOf('\n', i);
          const line = script.slice(i, end < 0 ? script.length : end);
          i = end < 0 ? script.length : end + 1;
          if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
        }
      }
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
      continue;
    }
    if (ch === '#' && word === undefined) {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end;
      continue;
    }
    if (ch === '\\') {
      if (script[i + 1] === '\n') i += 2;
      else {
        word = (word ?? '') + (script[i + 1] ?? '');
        i += 2;
      }
      continue;
    }
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      word = (word ?? '') + script.slice(i + 1, end < 0 ? script.length : end);
      i = end < 0 ? script.length : end + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < script.length && script[j] !== '"') {
        const c = script[j]!;
        if (c === '\\' && '"\\$`\n'.includes(script[j + 1] ?? '')) {
          if (script[j + 1] !== '\n') text += script[j + 1];
          j += 2;
        } else if (c === '$' && script[j + 1] === '(') {
          const after = substitution(j + 2);
          text += script.slice(j, after);
          j = after;
        } else if (c === '`') {
          const end = script.indexOf('`', j + 1);
          commands.push(...shellCommands(script.slice(j + 1, end < 0 ? script.length : end)));
          text += script.slice(j, end < 0 ? script.length : end + 1);
          j = end < 0 ? script.length : end + 1;
        } else {
          text += c;
          j++;
        }
      }
      word = (word ?? '') + text;
      i = j + 1;
      continue;
    }
    if (ch === '$' && script[i + 1] === '(') {
      const after = substitution(i + 2);
      word = (word ?? '') + script.slice(i, after);
      i = after;
      continue;
    }
    if (ch === '`') {
      const end = script.indexOf('`', i + 1);
      commands.push(...shellCommands(script.slice(i + 1, end < 0 ? script.length : end)));
      i = end < 0 ? script.length : end + 1;
      continue;
    }
    const placeholder = /^<[a-z][a-z0-9-]*>/.exec(script.slice(i));
    if (placeholder && word === undefined) {
      word = placeholder[0];
      i += placeholder[0].length;
      continue;
    }
    const heredoc = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(script.slice(i));
    if (heredoc) {
      endWord();
      heredocs.push({delimiter: heredoc[3]!, stripTabs: heredoc[1] === '-'});
      i += heredoc[0].length;
      continue;
    }
    const redirect = /^[0-9]*(>>|>&|<&|>|<)/.exec(script.slice(i));
    if (redirect && (word === undefined || /^[0-9]+$/.test(word))) {
      word = undefined;
      i += redirect[0].length;
      // `2>&1` names a descriptor; `> file` a file: either way not an argument.
      if (!/^[0-9-]/.test(script[i] ?? '')) skipNextWord = true;
      else while (/[0-9-]/.test(script[i] ?? '')) i++;
      continue;
    }
    const operator = OPERATORS.find((op) => script.startsWith(op, i));
    if (operator) {
      endCommand();
      i += operator.length;
      continue;
    }
    word = (word ?? '') + ch;
    i++;
  }
  endCommand();
  return commands;
}

/** The `git` invocations of a script: each one's arguments after `git`. */
export function gitInvocations(script: string): string[][] {
  return shellCommands(script)
    .filter((words) => words[0] === 'git')
    .map((words) => words.slice(1));
}
