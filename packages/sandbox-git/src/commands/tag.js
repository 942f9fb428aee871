/**
 * `git tag` (list, `-l <pattern>`, `-n[<n>]`), `git tag <name> [<commit>]` (lightweight),
 * `git tag -a <name> [<commit>] -m <msg>` (annotated), `-f`, `-d`.
 */
import {fatal} from '../errors.js';
import {resolveIdent} from '../ident.js';
import {joinMessages, stripspace} from '../message.js';
import {serializeTag} from '../objects.js';
import {parseOptions} from '../options.js';
import {isValidTagName} from '../refs.js';
import {resolveRevision} from '../revision.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'tag',
  usage: [
    'git tag [-a | -s | -u <key-id>] [-f] [-m <msg> | -F <file>] [-e]\n        <tagname> [<commit> | <object>]',
    'git tag -d <tagname>...',
    'git tag [-n[<num>]] -l [--contains <commit>] [--no-contains <commit>]\n        [--points-at <object>] [--column[=<options>] | --no-column]\n        [--create-reflog] [--sort=<key>] [--format=<format>]\n        [--merged <commit>] [--no-merged <commit>] [<pattern>...]',
    'git tag -v [--format=<format>] <tagname>...',
  ],
  options: [
    {name: 'annotate', short: 'a', long: 'annotate', type: 'bool'},
    {name: 'message', short: 'm', long: 'message', type: 'string', multiple: true},
    {name: 'force', short: 'f', long: 'force', type: 'bool'},
    {name: 'delete', short: 'd', long: 'delete', type: 'bool'},
    {name: 'list', short: 'l', long: 'list', type: 'bool'},
    {name: 'lines', short: 'n', type: 'optional-int'},
  ],
};

/** @param {string} pattern */
const glob = (pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** ref-filter.c append_lines: the first `count` lines, joined by a newline and four spaces. @param {string} text @param {number} count */
function firstLines(text, count) {
  /** @type {string[]} */
  const lines = [];
  let at = 0;
  while (lines.length < count && at < text.length) {
    const eol = text.indexOf('\n', at);
    lines.push(eol < 0 ? text.slice(at) : text.slice(at, eol));
    if (eol < 0) break;
    at = eol + 1;
  }
  return lines.join('\n    ');
}

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  if (options.delete) {
    if (args.length === 0) return 0;
    let failed = false;
    for (const name of args) {
      const oid = await repo.refs.resolve(`refs/tags/${name}`);
      if (oid === undefined) {
        run.err(`error: tag '${name}' not found.\n`);
        failed = true;
        continue;
      }
      await repo.refs.delete(`refs/tags/${name}`);
      run.out(`Deleted tag '${name}' (was ${await repo.objects.abbrev(oid)})\n`);
    }
    return failed ? 1 : 0;
  }
  const listing = options.list || options.lines !== undefined || (args.length === 0 && !options.annotate && !options.message);
  if (listing) {
    const patterns = args.map(glob);
    const tags = (await repo.refs.list('refs/tags/')).filter((t) => patterns.length === 0 || patterns.some((p) => p.test(t.name.slice('refs/tags/'.length))));
    const lines = options.lines === undefined ? 0 : options.lines === true ? 1 : options.lines;
    let out = '';
    for (const tag of tags) {
      const name = tag.name.slice('refs/tags/'.length);
      if (lines === 0) {
        out += `${name}\n`;
        continue;
      }
      // %(align:15)%(refname:lstrip=2)%(end) %(contents:lines=N): the tag's message, or the commit's.
      const object = await repo.objects.get(tag.oid);
      let contents = '';
      if (object?.type === 'tag') contents = (await repo.objects.tag(tag.oid)).message;
      else if (object?.type === 'commit') contents = (await repo.objects.commit(tag.oid)).message;
      out += `${name.padEnd(15)} ${firstLines(contents, lines)}\n`;
    }
    run.out(out);
    return 0;
  }

  const name = args[0];
  if (name === undefined) fatal('tag name required');
  if (args.length > 2) fatal('too many arguments');
  if (!isValidTagName(name)) fatal(`'${name}' is not a valid tag name.`);
  const target = args[1] ?? 'HEAD';
  const object = await resolveRevision(repo, target);
  if (object === undefined) fatal(`Failed to resolve '${target}' as a valid ref.`);
  const existing = await repo.refs.resolve(`refs/tags/${name}`);
  if (existing !== undefined && !options.force) fatal(`tag '${name}' already exists`);
  let oid = object;
  if (options.annotate || options.message) {
    const message = options.message ? stripspace(joinMessages(options.message), true) : '';
    if (message === '') {
      if (!options.message && run.ctx.env.GIT_EDITOR === undefined) run.hint('the sandbox\'s git opens no editor: give the message with -m "<message>"');
      fatal('no tag message?');
    }
    const type = (await repo.objects.get(object))?.type ?? 'commit';
    const tagger = resolveIdent('committer', {env: run.ctx.env, config: (key) => repo.config.get(key), now: run.ctx.now, tzOffset: run.ctx.tzOffset});
    oid = await repo.objects.put('tag', serializeTag({object, type, tag: name, tagger, message}));
  }
  await repo.refs.write(`refs/tags/${name}`, oid);
  if (existing !== undefined && existing !== oid) run.out(`Updated tag '${name}' (was ${await repo.objects.abbrev(existing)})\n`);
  return 0;
}
