/** Commit and tag messages as git cleans them (strbuf_stripspace, the `-m` joining rule). */

/**
 * git's strbuf_stripspace: trailing whitespace off every line, runs of empty lines collapsed to one,
 * no empty lines at the start or end, and a final newline; with `stripComments`, lines starting with
 * `#` go too (the "strip" cleanup mode of an edited message).
 * @param {string} text @param {boolean} [stripComments]
 */
export function stripspace(text, stripComments = false) {
  /** @type {string[]} */
  const out = [];
  let pendingEmpty = false;
  for (const raw of text.split('\n')) {
    if (stripComments && raw.startsWith('#')) continue;
    const line = raw.replace(/[ \t\r\f\v]+$/, '');
    if (line === '') {
      if (out.length > 0) pendingEmpty = true;
      continue;
    }
    if (pendingEmpty) out.push('');
    pendingEmpty = false;
    out.push(line);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** `-m a -m b` as git joins them: paragraphs separated by one empty line. @param {string[]} parts */
export function joinMessages(parts) {
  return parts.map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('\n');
}

/** The first line of a message, as `%s` shows it (the first paragraph joined). @param {string} message */
export function subjectOf(message) {
  const paragraph = message.replace(/^\n+/, '').split(/\n\s*\n/)[0] ?? '';
  return paragraph.split('\n').map((line) => line.trim()).join(' ').trim();
}
