/** `git status [-s | --short] [-b] [--porcelain]`. */
import {parseOptions} from '../options.js';
import {collectStatus, formatLong, formatShort} from '../status.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'status',
  usage: ['git status [<options>] [--] [<pathspec>...]'],
  options: [
    {name: 'short', short: 's', long: 'short', type: 'bool'},
    {name: 'branch', short: 'b', long: 'branch', type: 'bool'},
    {name: 'porcelain', long: 'porcelain', type: 'optional-string'},
    {name: 'long', long: 'long', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options} = parseOptions(spec, argv);
  const repo = await run.repo();
  const report = await collectStatus(repo);
  const short = (options.short || options.porcelain) && !options.long;
  if (!short) {
    run.out(formatLong(report, repo.prefix()));
    return 0;
  }
  // --porcelain prints paths from the top of the worktree, --short from where you are.
  const prefix = options.porcelain ? '' : repo.prefix();
  if (options.branch) {
    const name = report.branch ?? 'HEAD (no branch)';
    run.out(report.head === undefined && report.branch !== undefined ? `## No commits yet on ${name}\n` : `## ${name}\n`);
  }
  run.out(formatShort(report, prefix));
  return 0;
}
