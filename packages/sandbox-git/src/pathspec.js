/**
 * Pathspecs as commands take them: relative to the working directory, `.` for it, a folder for
 * everything below it, and git's wildcards (`*.js` matches at any depth: git's default pathspec
 * matching has no FNM_PATHNAME).
 */
import {fatal} from './errors.js';
import {resolve} from './path.js';

/**
 * @typedef {object} Pathspec
 * @property {string} original  as typed, for messages
 * @property {string} path      repo path ('' for the whole tree)
 * @property {RegExp | undefined} glob
 */

/** @param {string} glob */
function globRegex(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = /** @type {string} */ (glob[i]);
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}(/.*)?$`);
}

/**
 * @param {import('./repo.js').Repository} repo @param {string[]} specs as typed
 * @returns {Pathspec[]}
 */
export function parsePathspecs(repo, specs) {
  return specs.map((original) => {
    const absolute = resolve(repo.ctx.cwd, original);
    const path = repo.repoPath(absolute);
    if (path === undefined) fatal(`${original}: '${original}' is outside repository at '${repo.worktree}'`);
    const glob = /[*?[]/.test(path) ? globRegex(path) : undefined;
    return {original, path, glob};
  });
}

/** Whether `file` (repo path) is named by `spec`. @param {Pathspec} spec @param {string} file */
export function matches(spec, file) {
  if (spec.path === '') return true;
  if (spec.glob) return spec.glob.test(file);
  return file === spec.path || file.startsWith(`${spec.path}/`);
}

/** @param {Pathspec[]} specs @param {string} file */
export function matchesAny(specs, file) {
  return specs.length === 0 || specs.some((spec) => matches(spec, file));
}
