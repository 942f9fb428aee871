/**
 * `git log [--oneline] [--graph] [--all] [--decorate] [--first-parent] [-n <n>] [--format=...]
 * [--stat | -p] [<revision>...]`, through the ports of git's revision walk, graph and formats
 * in `src/log/`.
 */
import {exit, fatal} from '../errors.js';
import {showLog} from '../log/log-tree.js';
import {parseCommitFormat, parseDateMode} from '../log/format.js';
import {allRefTips, walkLog} from '../log/walk.js';
import {parseOptions} from '../options.js';
import {resolveRevision} from '../revision.js';
import {abbreviations, commitDiff, refsForLog, useColor} from '../history.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'log',
  usage: ['git log [<options>] [<revision-range>] [[--] <path>...]'],
  numericCount: true,
  options: [
    {name: 'oneline', long: 'oneline', type: 'bool'},
    {name: 'graph', long: 'graph', type: 'bool'},
    {name: 'all', long: 'all', type: 'bool'},
    {name: 'decorate', long: 'decorate', type: 'optional-string'},
    {name: 'firstParent', long: 'first-parent', type: 'bool'},
    {name: 'maxCount', short: 'n', long: 'max-count', type: 'int'},
    {name: 'skip', long: 'skip', type: 'int'},
    {name: 'format', long: 'format', type: 'string'},
    {name: 'pretty', long: 'pretty', type: 'optional-string'},
    {name: 'abbrevCommit', long: 'abbrev-commit', type: 'bool'},
    {name: 'stat', long: 'stat', type: 'bool'},
    {name: 'patch', short: 'p', long: 'patch', type: 'bool'},
    {name: 'topoOrder', long: 'topo-order', type: 'bool'},
    {name: 'dateOrder', long: 'date-order', type: 'bool'},
    {name: 'reverse', long: 'reverse', type: 'bool'},
    {name: 'date', long: 'date', type: 'string'},
    {name: 'color', long: 'color', type: 'optional-string'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const repo = await run.repo();
  if (dashdash && dashdash.length > 0) fatal("the sandbox's git does not limit the log to paths: run git log without '-- <path>'");
  if (options.reverse && options.graph) fatal('options \'--reverse\' and \'--graph\' cannot be used together');
  const {decorations, tips, head} = await refsForLog(repo);

  /** @type {Array<string | {oid: string, uninteresting: boolean}>} */
  const starts = [];
  if (options.all) starts.push(...allRefTips(tips, head.oid));
  for (const arg of args) {
    const range = /^(.*?)\.\.(.*)$/.exec(arg);
    const pieces = range ? [{spec: range[1] || 'HEAD', not: true}, {spec: range[2] || 'HEAD', not: false}] : [{spec: arg.replace(/^\^/, ''), not: arg.startsWith('^')}];
    for (const piece of pieces) {
      const oid = await resolveRevision(repo, piece.spec);
      const commit = oid === undefined ? undefined : await repo.objects.peelToCommit(oid);
      if (commit === undefined) {
        exit(128, `fatal: ambiguous argument '${arg}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n`);
      }
      starts.push(piece.not ? {oid: commit, uninteresting: true} : commit);
    }
  }
  if (starts.length === 0 || starts.every((s) => typeof s !== 'string')) {
    if (head.oid === null) {
      const branch = head.branch?.replace(/^refs\/heads\//, '') ?? 'HEAD';
      fatal(`your current branch '${branch}' does not have any commits yet`);
    }
    starts.push(head.oid);
  }

  const format = options.oneline ? parseCommitFormat('oneline') : parseCommitFormat(options.format ?? (options.pretty === true ? undefined : options.pretty));
  if (!format) fatal(`invalid --pretty format: ${options.format ?? options.pretty}`);
  const dateMode = options.date === undefined ? undefined : parseDateMode(options.date);
  if (options.date !== undefined && !dateMode) fatal(`unknown date format ${options.date}`);
  const decorateSetting = options.decorate === true ? 'short' : options.decorate ?? (repo.config.get('log.decorate') ?? 'auto');
  const decorate = decorateSetting === 'auto' ? run.ctx.isTTY === true : !/^(no|false|0|off)$/i.test(String(decorateSetting));
  const color = options.color === undefined ? useColor(repo, 'diff') : options.color === true || options.color === 'always' || (options.color === 'auto' && run.ctx.isTTY === true);

  const entries = await walkLog({
    tips: starts,
    readCommit: (oid) => repo.objects.commit(oid),
    topoOrder: options.graph || options.topoOrder || options.dateOrder,
    ...(options.dateOrder ? {sortOrder: /** @type {'date'} */ ('date')} : {}),
    firstParent: options.firstParent === true,
    ...(options.maxCount !== undefined ? {maxCount: options.maxCount} : {}),
    ...(options.skip !== undefined ? {skip: options.skip} : {}),
    reverse: options.reverse === true,
  });
  const abbrev = await abbreviations(repo, entries.map((e) => e.commit));
  const diffKind = options.stat ? 'stat' : options.patch ? 'patch' : 'none';
  /** @type {Map<string, string>} */
  const diffs = new Map();
  if (diffKind !== 'none') for (const entry of entries) diffs.set(entry.commit.oid, await commitDiff(repo, entry.commit, diffKind, 'log'));
  run.out(
    showLog(
      entries,
      {format, graph: options.graph === true, decorate, abbrevCommit: options.abbrevCommit === true || options.oneline === true, ...(diffKind !== 'none' ? {diff: (/** @type {import('../types.js').CommitInfo} */ c) => diffs.get(c.oid) ?? ''} : {})},
      {abbrev, decorations, color, ...(dateMode ? {dateMode} : {}), now: Math.floor(run.ctx.now() / 1000)},
    ),
  );
  return 0;
}
