/** `git config [--global | --local] <key> [<value>]`, `--get`, `--get-all`, `--unset`, `--list`. */
import {editConfig, globalConfigPaths, parseConfig, splitKey} from '../config.js';
import {exit, fatal} from '../errors.js';
import {parseOptions, usageError} from '../options.js';
import {join} from '../path.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'config',
  usage: ['git config [<options>]'],
  options: [
    {name: 'global', long: 'global', type: 'bool'},
    {name: 'local', long: 'local', type: 'bool'},
    {name: 'get', long: 'get', type: 'bool'},
    {name: 'getAll', long: 'get-all', type: 'bool'},
    {name: 'unset', long: 'unset', type: 'bool'},
    {name: 'list', short: 'l', long: 'list', type: 'bool'},
    {name: 'add', long: 'add', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const files = run.files;
  /** The file this invocation reads or writes alone (`--global`, `--local`), if any. */
  const scopeFile = async () => {
    if (options.global) {
      const path = globalConfigPaths(run.ctx.env).write;
      if (!path) fatal('$HOME not set');
      return path;
    }
    const repo = await run.repo().catch(() => fatal('--local can only be used inside a git repository'));
    return join(repo.commondir, 'config');
  };

  if (options.list) {
    if (options.global || options.local) {
      const path = await scopeFile();
      const text = await files.readText(path);
      if (text === undefined) fatal(`unable to read config file '${path}': No such file or directory`);
      run.out(parseConfig(text).entries.map((e) => `${e.key}${e.value === undefined ? '' : `=${e.value}`}\n`).join(''));
      return 0;
    }
    const config = await run.repo().then((repo) => repo.config, () => run.globalConfig());
    run.out(config.list().map((line) => `${line}\n`).join(''));
    return 0;
  }

  const key = args[0];
  if (key === undefined) usageError(spec, '');
  const parts = splitKey(key);
  if (!parts) {
    if (!key.includes('.')) exit(2, `error: key does not contain a section: ${key}\n`);
    if (key.endsWith('.')) exit(2, `error: key does not contain variable name: ${key}\n`);
    exit(1, `error: invalid key: ${key}\n`);
  }
  const reading = options.get || options.getAll || (args.length === 1 && !options.unset);
  if (reading) {
    /** @type {string[]} */
    let values;
    if (options.global || options.local) {
      const text = (await files.readText(await scopeFile())) ?? '';
      values = parseConfig(text).entries.filter((e) => e.key === parts.canonical).map((e) => e.value ?? 'true');
    } else {
      const config = await run.repo().then((repo) => repo.config, () => run.globalConfig());
      values = config.getAll(key);
    }
    if (values.length === 0) return 1;
    run.out(options.getAll ? values.map((v) => `${v}\n`).join('') : `${values[values.length - 1]}\n`);
    return 0;
  }

  const path = options.global ? await scopeFile() : await run.repo().then((repo) => join(repo.commondir, 'config'), () => fatal('not in a git directory'));
  const before = (await files.readText(path)) ?? '';
  if (options.unset) {
    if (!parseConfig(before).entries.some((e) => e.key === parts.canonical)) return 5;
    await files.write(path, editConfig(before, key, undefined));
    return 0;
  }
  if (args.length !== 2) usageError(spec, 'wrong number of arguments, should be 2');
  await files.write(path, editConfig(before, key, /** @type {string} */ (args[1])));
  return 0;
}
