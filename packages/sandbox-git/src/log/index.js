/**
 * `git log` for the engine: the revision walk (walk.js), the graph (graph.js), the commit
 * formats (format.js), the decorations (decorate.js) and the output that ties them together
 * (log-tree.js), each a port of the git 2.39 source it names.
 *
 * @example
 * const entries = await walkLog({tips: allRefTips(refs, headOid), readCommit, topoOrder: true});
 * const decorations = loadDecorations(refsWithPeeledTags, {oid: headOid, branch: 'refs/heads/main'});
 * process.stdout.write(
 *   showLog(entries, {format: parseCommitFormat('oneline'), graph: true, decorate: true}, {abbrev, decorations}),
 * );
 */
export {allRefTips, walkLog} from './walk.js';
export {GitGraph, COLUMN_COLORS_ANSI, parseGraphColors} from './graph.js';
export {commitSubject, formatCommitMessage, parseColor, parseCommitFormat, parseDateMode, prettyPrintCommit, showDate} from './format.js';
export {formatDecorations, loadDecorations, prettifyRefname} from './decorate.js';
export {showLog} from './log-tree.js';
