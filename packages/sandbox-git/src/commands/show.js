/**
 * `git show [--stat] [--oneline] [--format=...] [<object>...]`: a commit (header and its change
 * against its parent), an annotated tag (its header, then the object it tags), a tree, a blob.
 */
import {exit} from '../errors.js';
import {formatDefaultDate} from '../ident.js';
import {showLog} from '../log/log-tree.js';
import {parseCommitFormat} from '../log/format.js';
import {fromUtf8} from '../fs.js';
import {parseOptions} from '../options.js';
import {resolveRevision} from '../revision.js';
import {abbreviations, commitDiff, refsForLog, useColor} from '../history.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'show',
  usage: ['git show [<options>] <object>...'],
  options: [
    {name: 'stat', long: 'stat', type: 'bool'},
    {name: 'oneline', long: 'oneline', type: 'bool'},
    {name: 'format', long: 'format', type: 'string'},
    {name: 'pretty', long: 'pretty', type: 'optional-string'},
    {name: 'noPatch', short: 's', long: 'no-patch', type: 'bool'},
    {name: 'decorate', long: 'decorate', type: 'optional-string'},
    {name: 'abbrevCommit', long: 'abbrev-commit', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  const {decorations} = await refsForLog(repo);
  const format = options.oneline ? parseCommitFormat('oneline') : parseCommitFormat(options.format ?? (options.pretty === true ? undefined : options.pretty));
  if (!format) exit(128, `fatal: invalid --pretty format: ${options.format ?? options.pretty}\n`);
  const decorateSetting = options.decorate === true ? 'short' : options.decorate ?? repo.config.get('log.decorate') ?? 'auto';
  const decorate = decorateSetting === 'auto' ? run.ctx.isTTY === true : !/^(no|false|0|off)$/i.test(String(decorateSetting));
  const color = useColor(repo, 'diff');
  const kind = options.noPatch ? 'none' : options.stat ? 'stat' : 'patch';
  let out = '';
  // log-tree's separator: once something is shown, a blank line before the next, except in
  // formats that end each entry themselves (--oneline).
  let shownOne = false;
  const oneline = format.kind === 'builtin' && format.name === 'oneline';
  for (const name of args.length > 0 ? args : ['HEAD']) {
    let oid = await resolveRevision(repo, name);
    if (oid === undefined) exit(128, `fatal: ambiguous argument '${name}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n`);
    let object = await repo.objects.get(oid);
    while (object?.type === 'tag') {
      const tag = await repo.objects.tag(oid);
      if (shownOne) out += '\n';
      out += `tag ${tag.tag}\n`;
      // show_tagger: pp_user_info prints nothing for --oneline, no date for the short format.
      if (tag.tagger && !oneline) {
        out += `Tagger: ${tag.tagger.name} <${tag.tagger.email}>\n`;
        if (format.kind !== 'builtin' || format.name !== 'short') out += `Date:   ${formatDefaultDate(tag.tagger)}\n`;
      }
      out += `\n${tag.message}`;
      shownOne = true;
      oid = tag.object;
      object = await repo.objects.get(oid);
    }
    if (!object) continue;
    if (object.type === 'blob') out += fromUtf8(object.body);
    else if (object.type === 'tree') {
      if (shownOne) out += '\n';
      out += `tree ${name}\n\n${(await repo.objects.tree(oid)).map((e) => `${e.name}${e.mode === '40000' ? '/' : ''}\n`).join('')}`;
    } else {
      const commit = await repo.objects.commit(oid);
      const abbrev = await abbreviations(repo, [commit]);
      const diff = await commitDiff(repo, commit, kind, 'show');
      const header = showLog([{commit, graphParents: commit.parents}], {format, decorate, abbrevCommit: oneline || options.abbrevCommit === true}, {abbrev, decorations, color, now: Math.floor(run.ctx.now() / 1000)});
      if (shownOne && !format.useTerminator) out += '\n';
      // A full header and its diff are separated by a blank line (for a merge's combined diff,
      // even an empty one); a one-line header needs none.
      const merge = commit.parents.length > 1 && kind === 'patch';
      out += `${header}${(diff === '' && !merge) || oneline ? '' : '\n'}${diff}`;
    }
    shownOne = true;
  }
  run.out(out);
  return 0;
}
