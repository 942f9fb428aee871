/** `git rev-parse`: `--show-toplevel`, `--git-dir`, `--is-inside-work-tree`, `--abbrev-ref`, `--short`, `--verify`, revisions. */
import {exit, fatal} from '../errors.js';
import {parseOptions} from '../options.js';
import {join} from '../path.js';
import {dwimRef, resolveRevision} from '../revision.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'rev-parse',
  usage: ['git rev-parse [<options>] <args>...'],
  options: [
    {name: 'showToplevel', long: 'show-toplevel', type: 'bool'},
    {name: 'gitDir', long: 'git-dir', type: 'bool'},
    {name: 'insideWorkTree', long: 'is-inside-work-tree', type: 'bool'},
    {name: 'abbrevRef', long: 'abbrev-ref', type: 'bool'},
    {name: 'short', long: 'short', type: 'optional-int'},
    {name: 'verify', long: 'verify', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  if (options.showToplevel) run.out(`${repo.worktree}\n`);
  // git prints `.git` at the top of the main worktree, the absolute path elsewhere.
  if (options.gitDir) run.out(`${repo.gitdir === join(repo.worktree, '.git') && run.ctx.cwd === repo.worktree ? '.git' : repo.gitdir}\n`);
  if (options.insideWorkTree) run.out('true\n');
  if (options.verify && args.length !== 1) fatal('Needed a single revision');
  for (const arg of args) {
    const oid = await resolveRevision(repo, arg);
    if (oid === undefined) {
      if (options.verify) {
        if (options.quiet) return 1;
        fatal('Needed a single revision');
      }
      exit(128, `${arg}\nfatal: ambiguous argument '${arg}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n`);
    }
    if (options.abbrevRef) {
      const ref = arg === 'HEAD' ? (await repo.refs.head()).branch : (await dwimRef(repo, arg))?.ref;
      run.out(`${ref ? ref.replace(/^refs\/(heads|tags|remotes)\//, '') : arg}\n`);
    } else if (options.short !== undefined) {
      run.out(`${await repo.objects.abbrev(oid, options.short === true ? 7 : Math.max(4, options.short))}\n`);
    } else run.out(`${oid}\n`);
  }
  return 0;
}
