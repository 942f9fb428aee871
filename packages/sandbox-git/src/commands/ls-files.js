/** `git ls-files [-s | --stage] [-u | --unmerged] [-c] [-m] [-d] [-o [--exclude-standard]] [--] [<path>...]`. */
import {parseOptions} from '../options.js';
import {matchesAny, parsePathspecs} from '../pathspec.js';
import {displayPath} from '../status.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'ls-files',
  usage: ['git ls-files [<options>] [<file>...]'],
  options: [
    {name: 'stage', short: 's', long: 'stage', type: 'bool'},
    {name: 'unmerged', short: 'u', long: 'unmerged', type: 'bool'},
    {name: 'cached', short: 'c', long: 'cached', type: 'bool'},
    {name: 'modified', short: 'm', long: 'modified', type: 'bool'},
    {name: 'deleted', short: 'd', long: 'deleted', type: 'bool'},
    {name: 'others', short: 'o', long: 'others', type: 'bool'},
    {name: 'excludeStandard', long: 'exclude-standard', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const repo = await run.repo();
  const index = await repo.index();
  const specs = parsePathspecs(repo, [...args, ...(dashdash ?? [])]);
  const prefix = repo.prefix();
  // Paths are shown relative to where the command runs, and only those below it.
  const below = (/** @type {string} */ path) => prefix === '' || path.startsWith(prefix);
  const show = (/** @type {string} */ path) => displayPath(path, prefix);
  let out = '';
  const listCached = options.cached || options.stage || options.unmerged || (!options.modified && !options.deleted && !options.others);
  if (listCached) {
    for (const entry of index.entries()) {
      if (!below(entry.path) || !matchesAny(specs, entry.path)) continue;
      if (options.unmerged && entry.stage === 0) continue;
      if (options.stage || options.unmerged) out += `${entry.mode.toString(8)} ${entry.oid} ${entry.stage}\t${show(entry.path)}\n`;
      else if (entry.stage <= 2 && !(entry.stage === 2 && index.byPath.get(entry.path)?.some((e) => e.stage === 1))) {
        // Plain listing: each path once.
        if (entry.stage === 0 || entry === index.byPath.get(entry.path)?.[0]) out += `${show(entry.path)}\n`;
      }
    }
  }
  if (options.modified || options.deleted) {
    for (const path of index.paths()) {
      if (!below(path) || !matchesAny(specs, path)) continue;
      const entry = index.get(path);
      const file = await repo.workFile(path);
      if (options.deleted && !file) out += `${show(path)}\n`;
      if (options.modified && (!file || index.isConflicted(path) || file.oid !== entry?.oid)) out += `${show(path)}\n`;
    }
  }
  if (options.others) {
    const {files} = await repo.scanWorktree(index);
    for (const path of files) if (!index.byPath.has(path) && below(path) && matchesAny(specs, path)) out += `${show(path)}\n`;
  }
  run.out(out);
  return 0;
}
