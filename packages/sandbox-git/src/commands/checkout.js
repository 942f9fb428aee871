/**
 * `git checkout <branch>`, `git checkout -b|-B <new> [<start>]`, `git checkout <commit>` (detached
 * HEAD), and `git checkout [<tree-ish>] -- <paths>` (files back from the index or a commit).
 */
import {exit, fatal} from '../errors.js';
import {writeWorkFile} from '../checkout.js';
import {parseOptions} from '../options.js';
import {matches, parsePathspecs} from '../pathspec.js';
import {requireCommit, resolveRevision} from '../revision.js';
import {previousBranch, refuseDuringOperations, switchTo} from './switch.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'checkout',
  usage: ['git checkout [<options>] <branch>', 'git checkout [<options>] [<branch>] -- <file>...'],
  options: [
    {name: 'newBranch', short: 'b', type: 'string'},
    {name: 'resetBranch', short: 'B', type: 'string'},
    {name: 'detach', long: 'detach', type: 'bool'},
    {name: 'force', short: 'f', long: 'force', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const repo = await run.repo();
  const create = options.newBranch ?? options.resetBranch;
  // `git checkout -`: the previous branch (HEAD's reflog), before anything reads it as a path.
  if (args[0] === '-' && dashdash === undefined) args[0] = await previousBranch(repo);

  // Paths: `checkout -- <paths>`, `checkout <tree-ish> -- <paths>`, or arguments that are files.
  let source = dashdash !== undefined ? args[0] : undefined;
  let paths = dashdash;
  if (dashdash === undefined && create === undefined && args.length > 0) {
    const first = /** @type {string} */ (args[0]);
    const isRevision = (await resolveRevision(repo, first)) !== undefined;
    if (!isRevision || args.length > 1) {
      source = isRevision ? first : undefined;
      paths = isRevision ? args.slice(1) : args;
    }
  }
  if (paths !== undefined && paths.length > 0 && create === undefined) return restorePaths(run, repo, source, paths, {count: !options.quiet && dashdash === undefined});
  if (dashdash !== undefined && args.length > 1) fatal('only one reference expected');

  await refuseDuringOperations(repo);
  if (create !== undefined) {
    const start = args[0] ?? 'HEAD';
    const commit = start === 'HEAD' ? (await repo.refs.head()).oid : await requireCommit(repo, start, `'${start}' is not a commit and a branch '${create}' cannot be created from it`);
    await switchTo(run, repo, {create, forceCreate: options.resetBranch !== undefined, startGiven: args[0] ?? 'HEAD', commit, force: options.force, quiet: options.quiet, cmd: 'checkout'});
    return 0;
  }
  // `--detach` alone detaches HEAD where it is.
  const name = args[0] ?? (options.detach ? 'HEAD' : undefined);
  if (name === undefined) {
    if (options.force) return 0;
    return 0; // `git checkout` alone: nothing to do (git prints the tracking state, if any)
  }
  const branchOid = await repo.refs.resolve(`refs/heads/${name}`);
  if (branchOid !== undefined && !options.detach) {
    await switchTo(run, repo, {branch: name, commit: branchOid, force: options.force, quiet: options.quiet, cmd: 'checkout'});
    return 0;
  }
  const oid = await resolveRevision(repo, name);
  const commit = oid === undefined ? undefined : await repo.objects.peelToCommit(oid);
  if (commit === undefined) exit(1, `error: pathspec '${name}' did not match any file(s) known to git\n`);
  await switchTo(run, repo, {typed: name, commit, detach: true, force: options.force, quiet: options.quiet, cmd: 'checkout', ...(options.detach ? {} : {adviseDetach: name})});
  return 0;
}

/**
 * Files back from the index (no `source`) or from a commit (into the index too).
 * @param {import('../command.js').Invocation} run @param {import('../repo.js').Repository} repo
 * @param {string | undefined} source @param {string[]} typed
 * @param {{count: boolean}} say  "Updated N paths" (git says it only without `--`)
 */
async function restorePaths(run, repo, source, typed, say) {
  const specs = parsePathspecs(repo, typed);
  const index = await repo.index();
  const commit = source === undefined ? undefined : await requireCommit(repo, source, `reference is not a tree: ${source}`);
  const from = commit === undefined ? undefined : await repo.commitFiles(commit);
  const candidates = from ? [...from.keys()] : index.paths();
  let count = 0;
  for (const spec of specs) {
    if (!candidates.some((path) => matches(spec, path))) exit(1, `error: pathspec '${spec.original}' did not match any file(s) known to git\n`);
  }
  for (const path of candidates.sort()) {
    if (!specs.some((spec) => matches(spec, path))) continue;
    if (!from && index.isConflicted(path)) exit(1, `error: path '${path}' is unmerged\n`);
    const entry = from ? from.get(path) : index.get(path);
    if (!entry) continue;
    const flat = typeof entry.mode === 'number' ? {mode: entry.mode.toString(8), oid: entry.oid} : /** @type {{mode: string, oid: string}} */ (entry);
    const written = await writeWorkFile(repo, path, flat);
    if (from) index.set(written);
    count++;
  }
  await repo.writeIndex(index);
  // git names the source tree, not the commit.
  const what = commit ? await repo.objects.abbrev((await repo.objects.commit(commit)).tree) : 'the index';
  if (say.count) run.err(`Updated ${count} path${count === 1 ? '' : 's'} from ${what}\n`);
  return 0;
}
