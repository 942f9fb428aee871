/**
 * Command-line options the way git's parse-options reads them: `-m msg`, `-mmsg`, bundled short
 * flags (`-am msg`), `--message=msg`, `--message msg`, unique prefixes of long names, `--no-<flag>`,
 * options after arguments, `--` to stop. Mistakes end as git's do: `error: unknown option` and the
 * usage line, exit 129.
 */
import {exit} from './errors.js';

/**
 * @typedef {object} OptionSpec
 * @property {string} name        key in the result (camelCase of the long name, or given)
 * @property {string} [long]      `message` for `--message`
 * @property {string} [short]     `m` for `-m`
 * @property {'bool' | 'string' | 'int' | 'optional-int' | 'optional-string'} type
 * @property {boolean} [multiple] collect every occurrence (strings)
 * @property {boolean} [negatable] `--no-<long>` sets false (git's default for booleans)
 */

/**
 * @typedef {object} CommandSpec
 * @property {string} command
 * @property {string[]} usage     the `usage:` lines
 * @property {OptionSpec[]} options
 * @property {boolean} [numericCount]  `-<n>` means `--max-count=<n>` (log)
 */

/** @param {CommandSpec} spec @param {string} message @returns {never} */
export function usageError(spec, message) {
  // A usage line's continuation lines sit under its text, after the `usage: ` column.
  const usage = spec.usage.map((line, i) => `${i === 0 ? 'usage: ' : '   or: '}${line.replace(/\n/g, '\n       ')}`).join('\n');
  exit(129, `${message ? `error: ${message}\n` : ''}${usage}\n`);
}

/**
 * @param {CommandSpec} spec
 * @param {string[]} argv the arguments after the command name
 * @returns {{options: Record<string, any>, args: string[], dashdash: string[] | undefined}}
 */
export function parseOptions(spec, argv) {
  /** @type {Record<string, any>} */
  const options = {};
  /** @type {string[]} */
  const args = [];
  /** @type {string[] | undefined} */
  let dashdash;
  const set = (/** @type {OptionSpec} */ opt, /** @type {any} */ value) => {
    if (opt.multiple) (options[opt.name] ??= []).push(value);
    else options[opt.name] = value;
  };
  const asInt = (/** @type {OptionSpec} */ opt, /** @type {string} */ text, /** @type {string} */ shown) => {
    if (!/^-?\d+$/.test(text)) usageError(spec, `option \`${shown}' expects a numerical value`);
    return Number(text);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (arg === '--') {
      dashdash = argv.slice(i + 1);
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const attached = eq < 0 ? undefined : arg.slice(eq + 1);
      const negated = name.startsWith('no-');
      const candidates = spec.options.filter((o) => o.long && (o.long === name || (negated && o.long === name.slice(3) && o.type === 'bool' && o.negatable !== false)));
      let opt = candidates.find((o) => o.long === name) ?? candidates[0];
      let negate = opt !== undefined && opt.long !== name;
      if (!opt) {
        // git accepts any unambiguous prefix of a long option.
        const prefix = negated ? name.slice(3) : name;
        const matches = spec.options.filter((o) => o.long?.startsWith(prefix) && (!negated || o.type === 'bool'));
        if (matches.length > 1) usageError(spec, `ambiguous option: ${name} (could be --${matches[0]?.long} or --${matches[1]?.long})`);
        opt = matches[0];
        negate = negated && opt !== undefined;
        if (!opt) usageError(spec, `unknown option \`${name}'`);
      }
      if (opt.type === 'bool') {
        if (attached !== undefined) usageError(spec, `option \`${opt.long}' takes no value`);
        set(opt, !negate);
      } else if (opt.type === 'optional-int' || opt.type === 'optional-string') {
        set(opt, attached === undefined ? true : opt.type === 'optional-int' ? asInt(opt, attached, /** @type {string} */ (opt.long)) : attached);
      } else {
        const value = attached ?? argv[++i];
        if (value === undefined) usageError(spec, `option \`${opt.long}' requires a value`);
        set(opt, opt.type === 'int' ? asInt(opt, value, /** @type {string} */ (opt.long)) : value);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (spec.numericCount && /^-\d+$/.test(arg)) {
        options.maxCount = Number(arg.slice(1));
        continue;
      }
      for (let c = 1; c < arg.length; c++) {
        const letter = /** @type {string} */ (arg[c]);
        const opt = spec.options.find((o) => o.short === letter);
        if (!opt) usageError(spec, `unknown switch \`${letter}'`);
        if (opt.type === 'bool') {
          set(opt, true);
          continue;
        }
        const rest = arg.slice(c + 1);
        if (opt.type === 'optional-int' || opt.type === 'optional-string') {
          set(opt, rest === '' ? true : opt.type === 'optional-int' ? asInt(opt, rest, letter) : rest);
          break;
        }
        const value = rest !== '' ? rest : argv[++i];
        if (value === undefined) usageError(spec, `switch \`${letter}' requires a value`);
        set(opt, opt.type === 'int' ? asInt(opt, value, letter) : value);
        break;
      }
      continue;
    }
    args.push(arg);
  }
  return {options, args, dashdash};
}
