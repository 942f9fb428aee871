/**
 * `git diff` (working tree against the index), `--staged`/`--cached` (the index against HEAD or a
 * commit), `git diff <commit>` (against the working tree), `git diff <a> <b>` / `<a>..<b>`, with
 * pathspecs after `--`, and `--stat`, `--shortstat`, `--numstat`, `--name-only`, `--name-status`,
 * `--check`, `--quiet`/`--exit-code`.
 */
import {fatal} from '../errors.js';
import {checkFile} from '../diff/check.js';
import {formatFileDiff} from '../diff/unified.js';
import {formatCombinedDiff} from '../diff/combined.js';
import {formatNumstat, formatShortStat, formatStat} from '../diff/stat.js';
import {fromUtf8} from '../fs.js';
import {parseOptions} from '../options.js';
import {matchesAny, parsePathspecs} from '../pathspec.js';
import {Repository} from '../repo.js';
import {requireCommit, resolveRevision} from '../revision.js';
import {diffFiles, statFiles, summaryOf} from '../treediff.js';

/** @typedef {import('../repo.js').FlatEntry} FlatEntry */

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'diff',
  usage: ['git diff [<options>] [<commit>] [--] [<path>...]', 'git diff [<options>] --cached [--merge-base] [<commit>] [--] [<path>...]', 'git diff [<options>] [--merge-base] <commit> [<commit>...] <commit> [--] [<path>...]'],
  options: [
    {name: 'cached', long: 'cached', type: 'bool'},
    {name: 'staged', long: 'staged', type: 'bool'},
    {name: 'stat', long: 'stat', type: 'optional-string'},
    {name: 'shortstat', long: 'shortstat', type: 'bool'},
    {name: 'numstat', long: 'numstat', type: 'bool'},
    {name: 'summary', long: 'summary', type: 'bool'},
    {name: 'nameOnly', long: 'name-only', type: 'bool'},
    {name: 'nameStatus', long: 'name-status', type: 'bool'},
    {name: 'check', long: 'check', type: 'bool'},
    {name: 'quiet', long: 'quiet', type: 'bool'},
    {name: 'exitCode', long: 'exit-code', type: 'bool'},
    {name: 'patch', short: 'p', long: 'patch', type: 'bool'},
    {name: 'unified', short: 'U', long: 'unified', type: 'int'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const repo = await run.repo();
  const cached = options.cached || options.staged;
  const index = await repo.index();

  // Revisions first, then paths (without `--`, an argument that is not a revision is a path).
  /** @type {string[]} */
  const revisions = [];
  /** @type {string[]} */
  const paths = [...(dashdash ?? [])];
  for (const arg of args) {
    if (paths.length === 0 && dashdash === undefined && arg.includes('..')) {
      const [a, b] = arg.split(/\.\.\.?/);
      revisions.push(a || 'HEAD', b || 'HEAD');
    } else if (paths.length === 0 && (await resolveRevision(repo, arg)) !== undefined) revisions.push(arg);
    else if (dashdash === undefined && !(await repo.files.exists(repo.abs(arg)))) {
      fatal(`ambiguous argument '${arg}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`);
    } else paths.push(arg);
  }
  const specs = parsePathspecs(repo, paths);
  const head = await repo.refs.head();

  /** @type {Map<string, FlatEntry>} */
  let before;
  /** @type {Map<string, FlatEntry>} */
  let after;
  /** Working-tree contents read while building `after`, by blob id. @type {Map<string, Uint8Array>} */
  const contents = new Map();
  /** Unmerged paths: git shows them apart (`* Unmerged path`, or a combined diff). @type {string[]} */
  let unmerged = [];
  const worktreeFiles = async () => {
    /** @type {Map<string, FlatEntry>} */
    const files = new Map();
    for (const path of index.paths()) {
      if (index.isConflicted(path)) continue;
      const file = await repo.workFile(path);
      if (!file) continue;
      files.set(path, {mode: file.mode, oid: file.oid});
      contents.set(file.oid, file.content);
    }
    return files;
  };
  if (revisions.length >= 2) {
    before = await repo.commitFiles(await requireCommit(repo, /** @type {string} */ (revisions[0])));
    after = await repo.commitFiles(await requireCommit(repo, /** @type {string} */ (revisions[1])));
  } else if (cached) {
    const base = revisions[0] ?? 'HEAD';
    before = base === 'HEAD' && head.oid === undefined ? new Map() : await repo.commitFiles(await requireCommit(repo, base));
    after = Repository.indexFiles(index);
    unmerged = index.conflictedPaths();
  } else if (revisions.length === 1) {
    before = await repo.commitFiles(await requireCommit(repo, /** @type {string} */ (revisions[0])));
    after = await worktreeFiles();
  } else {
    before = Repository.indexFiles(index);
    after = await worktreeFiles();
    unmerged = index.conflictedPaths();
  }
  unmerged = unmerged.filter((path) => matchesAny(specs, path));
  // An unmerged path is shown apart, never as a change of the other side.
  for (const path of unmerged) {
    before.delete(path);
    after.delete(path);
  }
  const filter = (/** @type {Map<string, FlatEntry>} */ files) => new Map([...files].filter(([path]) => matchesAny(specs, path)));
  const changes = diffFiles(filter(before), filter(after));
  const blob = async (/** @type {FlatEntry} */ entry) => contents.get(entry.oid) ?? (await repo.objects.blob(entry.oid));

  if (options.check) {
    let out = '';
    let failed = false;
    for (const change of changes) {
      if (!change.new) continue;
      const result = checkFile(change.path, change.old ? await blob(change.old) : null, await blob(change.new));
      out += fromUtf8(result.output);
      failed ||= result.failed;
    }
    // A conflicted file is checked against our side (what the merge would add to it).
    for (const path of unmerged) {
      const ours = index.byPath.get(path)?.find((e) => e.stage === 2);
      const file = await repo.workFile(path);
      if (!file) continue;
      const result = checkFile(path, ours ? await repo.objects.blob(ours.oid) : null, file.content);
      out += fromUtf8(result.output);
      failed ||= result.failed;
    }
    run.out(out);
    return failed ? 2 : 0;
  }
  const differs = changes.length > 0 || unmerged.length > 0;
  if (options.quiet) return differs ? 1 : 0;

  let out = '';
  if (options.nameOnly) out = [...changes.map((c) => c.path), ...unmerged].sort().map((p) => `${p}\n`).join('');
  else if (options.nameStatus) out = [...changes.map((c) => `${c.status}\t${c.path}`), ...unmerged.map((p) => `U\t${p}`)].sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : 1)).map((l) => `${l}\n`).join('');
  else if (options.stat !== undefined || options.shortstat || options.numstat || options.summary) {
    const stats = await statFiles(repo, changes, blob);
    const all = [...stats, ...unmerged.map((path) => ({path, added: 0, deleted: 0, unmerged: true}))].sort((a, b) => (a.path < b.path ? -1 : 1));
    if (options.numstat) out += formatNumstat(all);
    if (options.stat !== undefined) out += formatStat(all, {width: typeof options.stat === 'string' ? Number(options.stat) : run.ctx.isTTY ? Number(run.ctx.env.COLUMNS ?? 80) : 80});
    else if (options.shortstat) out += formatShortStat(all);
    if (options.summary) out += summaryOf(changes);
  } else {
    const abbrev = async (/** @type {FlatEntry | undefined} */ entry) => (entry ? await repo.objects.abbrev(entry.oid) : '0000000');
    /** @type {{path: string, text: string}[]} */
    const pieces = [];
    for (const change of changes) {
      const side = async (/** @type {FlatEntry | undefined} */ entry) => (entry ? {path: change.path, mode: entry.mode, content: await blob(entry), oid: await abbrev(entry)} : null);
      const text = fromUtf8(formatFileDiff({old: await side(change.old), new: await side(change.new)}, options.unified !== undefined ? {context: options.unified} : {}));
      pieces.push({path: change.path, text});
    }
    for (const path of unmerged) {
      // The working tree against the index's stages: git's combined diff (--cc) of ours and theirs.
      const stages = index.byPath.get(path) ?? [];
      const file = cached ? undefined : await repo.workFile(path);
      if (cached || !file) {
        pieces.push({path, text: `* Unmerged path ${path}\n`});
        continue;
      }
      const parent = async (/** @type {number} */ stage) => {
        const entry = stages.find((e) => e.stage === stage);
        return entry ? {mode: entry.mode, content: await repo.objects.blob(entry.oid), oid: await repo.objects.abbrev(entry.oid)} : null;
      };
      const text = fromUtf8(formatCombinedDiff(path, {mode: file.mode, content: file.content, oid: '0000000'}, [await parent(2), await parent(3)]));
      pieces.push({path, text});
    }
    out = pieces.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((p) => p.text).join('');
  }
  run.out(out);
  return options.exitCode && differs ? 1 : 0;
}
