/**
 * What `git log` and `git show` share: the refs as decorations, commit abbreviations computed
 * ahead (the formatters are synchronous), colour, and a commit's diff (patch or stat).
 */
import {loadDecorations} from './log/decorate.js';
import {formatFileDiff} from './diff/unified.js';
import {formatCombinedDiff} from './diff/combined.js';
import {fromUtf8} from './fs.js';
import {diffFiles, diffstatText} from './treediff.js';

/** The refs and HEAD as the log formatters take them. @param {import('./repo.js').Repository} repo */
export async function refsForLog(repo) {
  const refs = await repo.refs.list('refs/');
  const head = await repo.refs.head();
  /** @type {import('./log/decorate.js').DecoratedRef[]} */
  const decorated = [];
  /** @type {{name: string, commit: string | null}[]} */
  const tips = [];
  for (const ref of refs) {
    const object = await repo.objects.get(ref.oid);
    /** @type {string[]} */
    const peeled = [];
    let current = ref.oid;
    let type = object?.type;
    while (type === 'tag') {
      current = (await repo.objects.tag(current)).object;
      peeled.push(current);
      type = (await repo.objects.get(current))?.type;
    }
    decorated.push({name: ref.name, oid: ref.oid, ...(peeled.length > 0 ? {peeled} : {})});
    tips.push({name: ref.name, commit: type === 'commit' ? current : null});
  }
  const headState = {oid: head.oid ?? null, branch: head.branch ?? null};
  return {decorations: loadDecorations(decorated, headState), tips, head: headState};
}

/** Whether output is coloured: `color.ui` (and `color.<cmd>`), `auto` meaning a terminal. @param {import('./repo.js').Repository} repo @param {string} cmd */
export function useColor(repo, cmd) {
  const setting = repo.config.get(`color.${cmd}`) ?? repo.config.get('color.ui') ?? 'auto';
  if (/^(always)$/i.test(setting)) return true;
  if (/^(never|false|no|off|0)$/i.test(setting)) return false;
  return repo.ctx.isTTY === true && repo.ctx.env.TERM !== 'dumb';
}

/**
 * A synchronous abbreviation function over the commits (and their trees and parents) about to be shown.
 * @param {import('./repo.js').Repository} repo @param {import('./types.js').CommitInfo[]} commits
 */
export async function abbreviations(repo, commits) {
  /** @type {Map<string, string>} */
  const known = new Map();
  for (const commit of commits) {
    for (const oid of [commit.oid, commit.tree, ...commit.parents]) if (!known.has(oid)) known.set(oid, await repo.objects.abbrev(oid));
  }
  return (/** @type {string} */ oid) => known.get(oid) ?? oid.slice(0, 7);
}

/**
 * A commit's change, as `git show` / `git log -p` / `--stat` print it after the header: against its
 * parent; for a merge, `git log` prints nothing, `git show --stat` the stat against the first
 * parent, `git show` the dense combined diff of the paths that differ from every parent.
 * @param {import('./repo.js').Repository} repo @param {import('./types.js').CommitInfo} commit
 * @param {'patch' | 'stat' | 'none'} kind @param {'show' | 'log'} command
 */
export async function commitDiff(repo, commit, kind, command) {
  if (kind === 'none' || (commit.parents.length > 1 && command === 'log')) return '';
  const after = await repo.flattenTree(commit.tree);
  const side = async (/** @type {import('./repo.js').FlatEntry | undefined} */ entry, /** @type {string} */ path) =>
    entry ? {path, mode: entry.mode, content: await repo.objects.blob(entry.oid), oid: await repo.objects.abbrev(entry.oid)} : null;
  if (commit.parents.length > 1 && kind === 'patch') {
    const parents = await Promise.all(commit.parents.map((p) => repo.commitFiles(p)));
    const same = (/** @type {import('./repo.js').FlatEntry | undefined} */ a, /** @type {import('./repo.js').FlatEntry | undefined} */ b) => (!a || !b ? a === b : a.oid === b.oid && a.mode === b.mode);
    let out = '';
    const paths = [...new Set([...after.keys(), ...parents.flatMap((p) => [...p.keys()])])].sort();
    for (const path of paths) {
      if (parents.some((p) => same(p.get(path), after.get(path)))) continue;
      const result = after.get(path);
      out += fromUtf8(
        formatCombinedDiff(
          path,
          result ? {mode: result.mode, content: await repo.objects.blob(result.oid), oid: await repo.objects.abbrev(result.oid)} : null,
          await Promise.all(parents.map(async (p) => {
            const entry = p.get(path);
            return entry ? {mode: entry.mode, content: await repo.objects.blob(entry.oid), oid: await repo.objects.abbrev(entry.oid)} : null;
          })),
        ),
      );
    }
    return out;
  }
  const before = await repo.commitFiles(commit.parents[0]);
  const changes = diffFiles(before, after, {renames: true});
  if (kind === 'stat') return diffstatText(repo, changes, 'stat', {summary: false});
  let out = '';
  for (const change of changes) {
    out += fromUtf8(formatFileDiff({old: await side(change.old, change.fromPath ?? change.path), new: await side(change.new, change.path), ...(change.fromPath ? {rename: {similarity: 100}} : {})}));
  }
  return out;
}
