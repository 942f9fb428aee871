/** `git restore [--staged] [--worktree] [--source=<tree>] [--] <pathspec>...`. */
import {exit, fatal} from '../errors.js';
import {writeWorkFile} from '../checkout.js';
import {bareEntry} from '../index-file.js';
import {parseOptions} from '../options.js';
import {matches, parsePathspecs} from '../pathspec.js';
import {requireCommit} from '../revision.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'restore',
  usage: ['git restore [<options>] [--source=<branch>] <file>...'],
  options: [
    {name: 'staged', short: 'S', long: 'staged', type: 'bool'},
    {name: 'worktree', short: 'W', long: 'worktree', type: 'bool'},
    {name: 'source', short: 's', long: 'source', type: 'string'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const typed = [...args, ...(dashdash ?? [])];
  if (typed.length === 0) fatal('you must specify path(s) to restore');
  const repo = await run.repo();
  const staged = options.staged === true;
  const worktree = options.worktree === true || !staged;
  const index = await repo.index();
  const head = await repo.refs.head();
  // The source: --source, else HEAD for --staged, else the index.
  const sourceName = options.source ?? (staged ? 'HEAD' : undefined);
  const source = sourceName === undefined ? undefined : sourceName === 'HEAD' && head.oid === undefined ? new Map() : await repo.commitFiles(await requireCommit(repo, sourceName, `could not resolve ${sourceName}`));
  const specs = parsePathspecs(repo, typed);
  const known = new Set([...index.paths(), ...(source ? source.keys() : [])]);
  for (const spec of specs) {
    if (![...known].some((path) => matches(spec, path))) exit(1, `error: pathspec '${spec.original}' did not match any file(s) known to git\n`);
  }
  for (const path of [...known].sort()) {
    if (!specs.some((spec) => matches(spec, path))) continue;
    if (!source && index.isConflicted(path)) exit(1, `error: path '${path}' is unmerged\n`);
    const entry = source ? source.get(path) : index.get(path);
    const flat = entry === undefined ? undefined : 'mode' in entry && typeof entry.mode === 'number' ? {mode: entry.mode.toString(8), oid: entry.oid} : /** @type {{mode: string, oid: string}} */ (entry);
    if (staged) {
      if (flat) index.set(bareEntry(path, parseInt(flat.mode, 8), flat.oid));
      else index.remove(path);
    }
    if (worktree) {
      if (flat) {
        const written = await writeWorkFile(repo, path, flat);
        if (staged) index.set(written);
      } else if (source) await repo.files.unlink(repo.abs(path));
    }
  }
  await repo.writeIndex(index);
  return 0;
}
