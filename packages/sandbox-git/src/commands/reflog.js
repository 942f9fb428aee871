/** `git reflog [show] [-n <n>] [<ref>]`: where HEAD (or a branch) has been, newest first. */
import {fatal} from '../errors.js';
import {formatDecorations} from '../log/decorate.js';
import {parseOptions} from '../options.js';
import {dwimRef} from '../revision.js';
import {refsForLog} from '../history.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'reflog',
  usage: ['git reflog [show] [<log-options>] [<ref>]'],
  numericCount: true,
  options: [
    {name: 'maxCount', short: 'n', long: 'max-count', type: 'int'},
    {name: 'decorate', long: 'decorate', type: 'optional-string'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const rest = argv[0] === 'show' ? argv.slice(1) : argv;
  const {options, args} = parseOptions(spec, rest);
  const repo = await run.repo();
  const name = args[0] ?? 'HEAD';
  const ref = name === 'HEAD' ? {ref: 'HEAD'} : await dwimRef(repo, name);
  if (!ref) fatal(`ambiguous argument '${name}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`);
  const entries = await repo.refs.readLog(ref.ref);
  const shown = ref.ref === 'HEAD' ? 'HEAD' : ref.ref.replace(/^refs\/(heads|remotes|tags)\//, '');
  const decorateSetting = options.decorate === true ? 'short' : options.decorate ?? repo.config.get('log.decorate') ?? 'auto';
  const decorate = decorateSetting === 'auto' ? run.ctx.isTTY === true : !/^(no|false|0|off)$/i.test(String(decorateSetting));
  const {decorations} = decorate ? await refsForLog(repo) : {decorations: undefined};
  let out = '';
  let shownCount = 0;
  for (const [i, entry] of entries.entries()) {
    // An entry to nothing (a rename's first half) keeps its number but is not shown or counted.
    if (/^0{40}$/.test(entry.new)) continue;
    if (options.maxCount !== undefined && shownCount++ >= options.maxCount) break;
    const decoration = decorations ? formatDecorations(decorations, entry.new) : '';
    out += `${await repo.objects.abbrev(entry.new)}${decoration} ${shown}@{${i}}: ${entry.message}\n`;
  }
  run.out(out);
  return 0;
}
