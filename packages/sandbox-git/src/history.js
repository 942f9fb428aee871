/**
 * What `git log` and `git show` share: the refs as decorations, commit abbreviations computed
 * ahead (the formatters are synchronous), colour, and a commit's diff (patch or stat).
 */
import {loadDecorations} from './log/decorate.js';
import {formatFileDiff} from './diff/unified.js';
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
 * A commit's change against its first parent, as `git show`/`git log -p`/`--stat` print it after
 * the header. Merges print nothing here (git would show a combined diff; see README).
 * @param {import('./repo.js').Repository} repo @param {import('./types.js').CommitInfo} commit
 * @param {'patch' | 'stat' | 'none'} kind
 */
export async function commitDiff(repo, commit, kind) {
  if (kind === 'none' || commit.parents.length > 1) return '';
  const before = await repo.commitFiles(commit.parents[0]);
  const after = await repo.flattenTree(commit.tree);
  const changes = diffFiles(before, after, {renames: true});
  if (kind === 'stat') return diffstatText(repo, changes, 'stat', {summary: false});
  let out = '';
  for (const change of changes) {
    const side = async (/** @type {import('./repo.js').FlatEntry | undefined} */ entry, /** @type {string} */ path) =>
      entry ? {path, mode: entry.mode, content: await repo.objects.blob(entry.oid), oid: await repo.objects.abbrev(entry.oid)} : null;
    out += fromUtf8(formatFileDiff({old: await side(change.old, change.fromPath ?? change.path), new: await side(change.new, change.path), ...(change.fromPath ? {rename: {similarity: 100}} : {})}));
  }
  return out;
}
