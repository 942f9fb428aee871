/** `git add [-A | -u] [-f] [--] <pathspec>...`: stages additions, changes and removals. */
import {exit, fatal} from '../errors.js';
import {parseOptions} from '../options.js';
import {matches, matchesAny, parsePathspecs} from '../pathspec.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'add',
  usage: ['git add [<options>] [--] <pathspec>...'],
  options: [
    {name: 'all', short: 'A', long: 'all', type: 'bool'},
    {name: 'update', short: 'u', long: 'update', type: 'bool'},
    {name: 'force', short: 'f', long: 'force', type: 'bool'},
    {name: 'dryRun', short: 'n', long: 'dry-run', type: 'bool'},
    {name: 'verbose', short: 'v', long: 'verbose', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args, dashdash} = parseOptions(spec, argv);
  const typed = [...args, ...(dashdash ?? [])];
  const repo = await run.repo();
  if (typed.length === 0 && !options.all && !options.update) {
    run.out('Nothing specified, nothing added.\n');
    if (repo.config.getBool('advice.addemptypathspec', true)) {
      run.hint("Maybe you wanted to say 'git add .'?\nTurn this message off by running\n\"git config advice.addEmptyPathspec false\"");
    }
    return 0;
  }
  const specs = parsePathspecs(repo, typed);
  const index = await repo.index();
  const {files} = await repo.scanWorktree(index);
  const present = new Set(files.filter((file) => !file.endsWith('/')));
  /** @type {Set<Pathspec>} */
  const matched = new Set();
  /** @type {string[]} */
  const changed = [];
  const consider = new Set([...index.paths(), ...(options.update ? [] : present)]);
  for (const path of [...consider].sort()) {
    if (!matchesAny(specs, path)) continue;
    for (const spec of specs) if (matches(spec, path)) matched.add(spec);
    const file = await repo.workFile(path);
    if (file) {
      const entry = index.get(path);
      if (entry && !index.isConflicted(path) && entry.oid === file.oid && entry.mode.toString(8) === file.mode) continue;
      changed.push(path);
      if (!options.dryRun) {
        const staged = await repo.stageFile(path);
        if (staged) index.set(staged);
      }
    } else if (index.byPath.has(path)) {
      changed.push(path);
      if (!options.dryRun) index.remove(path);
    }
  }

  // Named files that git ignores, and pathspecs that name nothing.
  const ignore = await repo.ignoreRules();
  /** @type {string[]} */
  const ignored = [];
  for (const spec of specs) {
    if (matched.has(spec) || spec.glob) continue;
    const stats = await repo.files.lstat(repo.abs(spec.path));
    if (stats && (await ignore.isIgnored(spec.path, stats.isDirectory()))) {
      if (options.force) {
        const staged = await repo.stageFile(spec.path);
        if (staged) {
          index.set(staged);
          matched.add(spec);
          continue;
        }
      }
      ignored.push(spec.original);
      matched.add(spec);
    }
  }
  for (const spec of specs) {
    if (!matched.has(spec) && !(spec.path === '' || (await repo.files.isDirectory(repo.abs(spec.path))))) {
      fatal(`pathspec '${spec.original}' did not match any files`);
    }
  }
  if (options.verbose || options.dryRun) run.out(changed.map((path) => `add '${path}'\n`).join(''));
  if (!options.dryRun) await repo.writeIndex(index);
  if (ignored.length > 0) {
    let text = `The following paths are ignored by one of your .gitignore files:\n${ignored.join('\n')}\n`;
    if (repo.config.getBool('advice.addignoredfile', true)) {
      text += 'hint: Use -f if you really want to add them.\nhint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"\n';
    }
    exit(1, text);
  }
  return 0;
}

/** @typedef {import('../pathspec.js').Pathspec} Pathspec */
