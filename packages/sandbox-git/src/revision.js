/**
 * Naming commits as git does (`get_oid`): full and abbreviated ids, ref names with git's lookup
 * order (`x`, `refs/x`, `refs/tags/x`, `refs/heads/x`, `refs/remotes/x`, `refs/remotes/x/HEAD`),
 * `HEAD`, `@`, and the suffixes `~<n>`, `^<n>`, `^{}`, `^{commit}`, `^{tree}`.
 */
import {exit, fatal} from './errors.js';

const PSEUDO = new Set(['HEAD', 'ORIG_HEAD', 'MERGE_HEAD', 'CHERRY_PICK_HEAD', 'FETCH_HEAD', 'REVERT_HEAD', 'AUTO_MERGE']);

/**
 * The full ref a name means, if it names one.
 * @param {import('./repo.js').Repository} repo @param {string} name
 * @returns {Promise<{ref: string, oid: string} | undefined>}
 */
export async function dwimRef(repo, name) {
  if (name === '@') name = 'HEAD';
  // git's ref_rev_parse_rules; the bare name only for refs/... and HEAD-like files of the git dir.
  const candidates = [
    ...(name.startsWith('refs/') || (PSEUDO.has(name) || /^[A-Z_]+$/.test(name)) ? [name] : []),
    `refs/${name}`,
    `refs/tags/${name}`,
    `refs/heads/${name}`,
    `refs/remotes/${name}`,
    `refs/remotes/${name}/HEAD`,
  ];
  for (const ref of candidates) {
    const oid = await repo.refs.resolve(ref);
    if (oid) return {ref, oid};
  }
  return undefined;
}

/**
 * The object a revision names, or undefined. Ambiguous short ids stop with git's error.
 * @param {import('./repo.js').Repository} repo @param {string} spec
 * @returns {Promise<string | undefined>}
 */
export async function resolveRevision(repo, spec) {
  const match = /^(.*?)((?:[~^][0-9]*|\^\{[a-z]*\})*)$/.exec(spec);
  const base = match?.[1] ?? spec;
  const suffix = match?.[2] ?? '';
  if (base === '') return undefined;
  let oid = await resolveBase(repo, base);
  if (oid === undefined) return undefined;
  for (const step of suffix.match(/~[0-9]*|\^\{[a-z]*\}|\^[0-9]*/g) ?? []) {
    if (step.startsWith('^{')) {
      const type = step.slice(2, -1);
      if (type === '') {
        while ((await repo.objects.get(oid))?.type === 'tag') oid = (await repo.objects.tag(oid)).object;
      } else if (type === 'commit') {
        oid = await repo.objects.peelToCommit(oid);
      } else if (type === 'tree') {
        const commit = await repo.objects.peelToCommit(oid);
        oid = commit === undefined ? undefined : (await repo.objects.commit(commit)).tree;
      } else return undefined;
      if (oid === undefined) return undefined;
      continue;
    }
    const count = step.length > 1 ? Number(step.slice(1)) : 1;
    const commit = await repo.objects.peelToCommit(oid);
    if (commit === undefined) return undefined;
    if (step.startsWith('~')) {
      /** @type {string | undefined} */
      let current = commit;
      for (let i = 0; i < count && current !== undefined; i++) current = (await repo.objects.commit(current)).parents[0];
      if (current === undefined) return undefined;
      oid = current;
    } else {
      if (count === 0) {
        oid = commit;
        continue;
      }
      const parent = (await repo.objects.commit(commit)).parents[count - 1];
      if (parent === undefined) return undefined;
      oid = parent;
    }
  }
  return oid;
}

/** @param {import('./repo.js').Repository} repo @param {string} name */
async function resolveBase(repo, name) {
  if (/^[0-9a-f]{40}$/.test(name)) return name;
  const ref = await dwimRef(repo, name);
  if (ref) return ref.oid;
  if (/^[0-9a-f]{4,39}$/.test(name)) {
    const found = await repo.objects.expand(name);
    if (found.length === 1) return found[0];
    if (found.length > 1) exit(128, `error: short object ID ${name} is ambiguous\nfatal: ambiguous argument '${name}': unknown revision or path not in the working tree.\n`);
  }
  return undefined;
}

/**
 * A revision that must name a commit (`fatal:` otherwise, in the words of the command).
 * @param {import('./repo.js').Repository} repo @param {string} spec @param {string} [message]
 */
export async function requireCommit(repo, spec, message) {
  const oid = await resolveRevision(repo, spec);
  const commit = oid === undefined ? undefined : await repo.objects.peelToCommit(oid);
  if (commit === undefined) {
    if (message) fatal(message);
    fatal(`ambiguous argument '${spec}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`);
  }
  return commit;
}
