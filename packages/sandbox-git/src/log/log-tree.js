/**
 * `git log`'s output for a list of commits: a port of git 2.39's log-tree.c show_log, with
 * graph.c's graph_show_commit, graph_show_oneline, graph_show_padding, graph_show_remainder
 * and graph_show_commit_msg, which interleave the graph with each commit's lines.
 */

import {COLOR_COMMIT, COLOR_RESET, formatDecorations} from './decorate.js';
import {formatCommitMessage, prettyPrintCommit} from './format.js';
import {GitGraph} from './graph.js';

/** @typedef {import('./walk.js').LogEntry} LogEntry */
/** @typedef {import('./format.js').CommitFormat} CommitFormat */
/** @typedef {import('./format.js').FormatContext} FormatContext */
/** @typedef {import('./decorate.js').Decorations} Decorations */

/**
 * @typedef {object} ShowLogOptions
 * @property {CommitFormat} format  From parseCommitFormat (`--oneline` is `oneline`).
 * @property {boolean} [graph]  `--graph` (walk the commits with `topoOrder`).
 * @property {boolean} [decorate]  `--decorate`, or `log.decorate` in effect (git's `auto`
 *   decorates only a terminal). `%d`/`%D` print the decorations either way.
 * @property {boolean} [abbrevCommit]  `--abbrev-commit` (`--oneline` implies it).
 * @property {string[]} [graphColors]  `log.graphColors` as escape codes, the reset last.
 * @property {(commit: import('../types.js').CommitInfo) => string} [diff]  `--stat`/`-p`: the text
 *   log_tree_diff_flush prints after the message (each line behind the graph's padding).
 */

/**
 * Everything `git log` prints for these commits, in git's bytes.
 * @param {LogEntry[]} entries  From walkLog.
 * @param {ShowLogOptions} options
 * @param {FormatContext} ctx  The abbreviation, the decorations, colour and dates.
 * @returns {string}
 * @example
 * const entries = await walkLog({tips: [head], readCommit, topoOrder: true});
 * const text = showLog(entries, {format: parseCommitFormat('oneline'), graph: true, decorate: true},
 *   {abbrev: (oid) => oid.slice(0, 7), decorations});
 */
export function showLog(entries, options, ctx) {
  const {format} = options;
  const color = ctx.color ?? false;
  const graph = options.graph
    ? new GitGraph({color, ...(options.graphColors ? {columnColors: options.graphColors} : {})})
    : null;
  const useTerminator = format.useTerminator;
  const formatIsEmpty = format.kind === 'user' && format.format === '';
  const oneline = format.kind === 'builtin' && format.name === 'oneline';
  const abbrevCommit = options.abbrevCommit ?? oneline;
  let out = '';
  let shownOne = false;
  let missingNewline = false;

  /** graph_show_oneline */
  const showOneline = () => {
    if (graph) out += graph.nextLine().line;
  };
  /** graph_show_padding */
  const showPadding = () => {
    if (graph) out += graph.paddingLine();
  };
  /** graph_show_commit: the graph's lines up to and including the commit's. */
  const showCommit = () => {
    if (!graph) return;
    let shownCommitLine = false;
    if (graph.isCommitFinished()) {
      showPadding();
      shownCommitLine = true;
    }
    while (!shownCommitLine && !graph.isCommitFinished()) {
      const next = graph.nextLine();
      out += next.line;
      shownCommitLine = next.commitLine;
      if (!shownCommitLine) out += '\n';
    }
  };
  /** graph_show_remainder */
  const showRemainder = () => {
    if (!graph || graph.isCommitFinished()) return;
    for (;;) {
      out += graph.nextLine().line;
      if (graph.isCommitFinished()) break;
      out += '\n';
    }
  };
  /** graph_show_commit_msg (graph_show_strbuf: the graph before every line but the first). @param {string} sb */
  const showCommitMsg = (sb) => {
    let p = 0;
    while (p < sb.length) {
      const nl = sb.indexOf('\n', p);
      const end = nl < 0 ? sb.length : nl + 1;
      out += sb.slice(p, end);
      if (nl >= 0 && end < sb.length) showOneline();
      p = end;
    }
    if (!graph) return;
    const newlineTerminated = sb.endsWith('\n');
    if (!graph.isCommitFinished()) {
      if (!newlineTerminated) out += '\n';
      showRemainder();
      if (newlineTerminated) out += '\n';
    }
  };

  for (const {commit, graphParents} of entries) {
    // revision.c: get_revision calls graph_update before the commit is shown.
    if (graph) graph.update(commit.oid, graphParents);

    // show_log: a separator between entries unless the format ends each one.
    if (shownOne && !useTerminator) {
      if (!missingNewline) showPadding();
      out += '\n';
    }
    shownOne = true;
    showCommit();

    if (format.kind === 'builtin') {
      if (color) out += COLOR_COMMIT;
      if (!oneline) out += 'commit ';
      out += abbrevCommit ? ctx.abbrev(commit.oid) : commit.oid;
      if (color) out += COLOR_RESET;
      if (options.decorate && ctx.decorations) {
        out += formatDecorations(ctx.decorations, commit.oid, {full: ctx.decorateFull, color});
      }
      if (oneline) out += ' ';
      else {
        out += '\n';
        showOneline();
      }
    }

    const msgbuf =
      format.kind === 'builtin'
        ? prettyPrintCommit(commit, format.name, ctx)
        : formatCommitMessage(commit, format.format, {
            ...ctx,
            ...(format.dateMode ? {defaultDateMode: format.dateMode} : {}),
            ...(graph ? {graphWidth: graph.width} : {}),
          });
    missingNewline = !msgbuf.endsWith('\n');
    showCommitMsg(msgbuf);
    if (useTerminator && !formatIsEmpty) {
      if (!missingNewline) showPadding();
      out += '\n';
    }
    const diff = options.diff?.(commit) ?? '';
    if (diff !== '') {
      // log_tree_diff_flush: a blank line between a full message and its diff; the graph's
      // padding (diff_output_prefix) before every line of the diff.
      if (!oneline && !formatIsEmpty) {
        showPadding();
        out += '\n';
      }
      for (const line of diff.split(/(?<=\n)/)) {
        showPadding();
        out += line;
      }
      missingNewline = false;
    }
  }
  return out;
}
