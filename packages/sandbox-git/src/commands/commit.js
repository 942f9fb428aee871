/**
 * `git commit [-a] [-m <msg>]... [--author=<author>] [--no-edit] [--allow-empty] [-q] [--] [<pathspec>...]`,
 * concluding a merge or a cherry-pick that stopped on a conflict. The sandbox has no editor: it
 * behaves as git does with `GIT_EDITOR=true` (the prepared message is used as it is).
 */
import {exit, fatal} from '../errors.js';
import {formatDefaultDate, parseAuthorOption, resolveIdent} from '../ident.js';
import {joinMessages, stripspace, subjectOf} from '../message.js';
import {serializeCommit} from '../objects.js';
import {parseOptions} from '../options.js';
import {matches, parsePathspecs} from '../pathspec.js';
import {Repository} from '../repo.js';
import {collectStatus, formatLong} from '../status.js';
import {diffFiles, diffstatText} from '../treediff.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'commit',
  usage: ['git commit [-a | --interactive | --patch] [-s] [-v] [-u<mode>] [--amend]\n           [--dry-run] [(-c | -C | --squash) <commit> | --fixup [(amend|reword):]<commit>)]\n           [-F <file> | -m <msg>] [--reset-author] [--allow-empty]\n           [--allow-empty-message] [--no-verify] [-e] [--author=<author>]\n           [--date=<date>] [--cleanup=<mode>] [--[no-]status]\n           [-i | -o] [--pathspec-from-file=<file> [--pathspec-file-nul]]\n           [(--trailer <token>[(=|:)<value>])...] [-S[<keyid>]]\n           [--] [<pathspec>...]'],
  options: [
    {name: 'message', short: 'm', long: 'message', type: 'string', multiple: true},
    {name: 'author', long: 'author', type: 'string'},
    {name: 'date', long: 'date', type: 'string'},
    {name: 'edit', short: 'e', long: 'edit', type: 'bool'},
    {name: 'all', short: 'a', long: 'all', type: 'bool'},
    {name: 'allowEmpty', long: 'allow-empty', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
  ],
};

/** The conflict refusal shared by commit, merge and cherry-pick. @param {string} what @returns {never} */
export function unmergedRefusal(what) {
  exit(
    128,
    `error: ${what} is not possible because you have unmerged files.\n` +
      "hint: Fix them up in the work tree, and then use 'git add/rm <file>'\n" +
      'hint: as appropriate to mark resolution and make a commit.\n' +
      'fatal: Exiting because of an unresolved conflict.\n',
  );
}

/**
 * Writes a commit of `tree` on HEAD's branch (or detached HEAD), and prints git's summary line.
 * Shared by commit, merge and cherry-pick.
 * @param {import('../command.js').Invocation} run
 * @param {Repository} repo
 * @param {{tree: string, parents: string[], message: string, author?: import('../types.js').Ident, quiet?: boolean, showAuthorDate?: boolean, summary?: boolean, reflog?: string}} commit
 *   `reflog`: the reflog's action (`cherry-pick`), or its whole message when it has a colon
 */
export async function writeCommit(run, repo, commit) {
  const where = {env: run.ctx.env, config: (/** @type {string} */ key) => repo.config.get(key), now: run.ctx.now, tzOffset: run.ctx.tzOffset};
  // git asks for the author first: its "Author identity unknown" comes before the committer's.
  const author = commit.author ?? resolveIdent('author', where);
  const committer = resolveIdent('committer', where);
  const oid = await repo.objects.put('commit', serializeCommit({tree: commit.tree, parents: commit.parents, author, committer, message: commit.message}));
  const head = await repo.refs.head();
  const action = commit.reflog ?? (commit.parents.length === 0 ? 'commit (initial)' : commit.parents.length > 1 ? 'commit (merge)' : 'commit');
  await repo.refs.update(head.branch ?? 'HEAD', oid, action.includes(':') ? action : `${action}: ${subjectOf(commit.message)}`);
  if (commit.quiet || commit.summary === false) return oid;
  const branchName = head.branch ? head.branch.replace(/^refs\/heads\//, '') : 'detached HEAD';
  let line = `[${branchName}${commit.parents.length === 0 ? ' (root-commit)' : ''} ${await repo.objects.abbrev(oid)}] ${subjectOf(commit.message)}\n`;
  if (author.name !== committer.name || author.email !== committer.email) line += ` Author: ${author.name} <${author.email}>\n`;
  if (commit.showAuthorDate) {
    line += ` Date: ${formatDefaultDate(author)}\n`;
  }
  if (commit.parents.length <= 1) {
    const before = await repo.commitFiles(commit.parents[0]);
    const after = await repo.flattenTree(commit.tree);
    line += await diffstatText(repo, diffFiles(before, after, {renames: true}), 'shortstat');
  }
  run.out(line);
  return oid;
}

/** Removes the files of a merge or cherry-pick in progress. @param {Repository} repo */
export async function clearMergeState(repo) {
  for (const name of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'AUTO_MERGE', 'CHERRY_PICK_HEAD']) await repo.removeGitFile(name);
}

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const repo = await run.repo();
  const index = await repo.index();
  const head = await repo.refs.head();
  const mergeHeads = ((await repo.readGitFile('MERGE_HEAD')) ?? '').split('\n').filter((line) => /^[0-9a-f]{40}$/.test(line));
  const pickHead = (await repo.readGitFile('CHERRY_PICK_HEAD'))?.trim();
  const typed = [...args, ...(dashdash ?? [])];

  if (options.all && typed.length > 0) fatal('paths with -a does not make sense.');
  if (typed.length > 0 && mergeHeads.length > 0) fatal('cannot do a partial commit during a merge.');
  if (index.conflictedPaths().length > 0) {
    // refresh_index lists them first, in its porcelain form.
    run.out(index.conflictedPaths().map((path) => `U\t${path}\n`).join(''));
    unmergedRefusal('Committing');
  }

  const headFiles = await repo.commitFiles(head.oid);
  if (options.all) {
    for (const path of index.paths()) {
      const staged = await repo.stageFile(path);
      if (staged) index.set(staged);
      else index.remove(path);
    }
  }
  /** @type {Map<string, import('../repo.js').FlatEntry>} */
  let files;
  if (typed.length > 0) {
    // `git commit <paths>` (--only): HEAD's tree with those paths as they are on disk; the index follows.
    const specs = parsePathspecs(repo, typed);
    const known = new Set([...headFiles.keys(), ...index.paths()]);
    for (const spec of specs) {
      if (![...known].some((path) => matches(spec, path))) exit(1, `error: pathspec '${spec.original}' did not match any file(s) known to git\n`);
    }
    files = new Map(headFiles);
    for (const path of known) {
      if (!specs.some((spec) => matches(spec, path))) continue;
      const staged = await repo.stageFile(path);
      if (staged) {
        index.set(staged);
        files.set(path, {mode: staged.mode.toString(8), oid: staged.oid});
      } else {
        index.remove(path);
        files.delete(path);
      }
    }
  } else {
    files = Repository.indexFiles(index);
  }
  const tree = await repo.writeTree(files);
  const headTree = head.oid ? (await repo.objects.commit(head.oid)).tree : undefined;

  const unchanged = head.oid ? tree === headTree : files.size === 0;
  if (mergeHeads.length === 0 && !options.allowEmpty && unchanged) {
    run.out(formatLong(await collectStatus(repo), repo.prefix(), {fromCommit: true}));
    return 1;
  }

  // The message: -m, else the prepared MERGE_MSG (as if an editor had been closed on it).
  let message;
  if (options.message) message = stripspace(joinMessages(options.message));
  else {
    const prepared = (await repo.readGitFile('MERGE_MSG')) ?? '';
    message = stripspace(prepared, options.edit !== false);
    if (message === '' && run.ctx.env.GIT_EDITOR === undefined && repo.config.get('core.editor') === undefined) {
      run.hint('the sandbox\'s git opens no editor: give the message with -m "<message>"');
    }
  }
  if (message === '') exit(1, 'Aborting commit due to empty commit message.\n');

  /** @type {import('../types.js').Ident | undefined} */
  let author;
  const where = {env: run.ctx.env, config: (/** @type {string} */ key) => repo.config.get(key), now: run.ctx.now, tzOffset: run.ctx.tzOffset};
  if (options.author) author = resolveIdent('author', where, {...parseAuthorOption(options.author), ...(options.date ? {date: options.date} : {})});
  else if (options.date) author = resolveIdent('author', where, {date: options.date});
  else if (pickHead) author = (await repo.objects.commit(pickHead)).author;

  await repo.writeIndex(index);
  const parents = [...(head.oid ? [head.oid] : []), ...mergeHeads];
  await writeCommit(run, repo, {tree, parents, message, ...(author ? {author} : {}), quiet: options.quiet});
  await clearMergeState(repo);
  return 0;
}
