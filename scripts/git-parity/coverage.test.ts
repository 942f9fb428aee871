/**
 * What the lessons ask of the sandbox's git: every git invocation in every bash block of every
 * lesson, in both languages (blocks not to run included), read with the lesson runner's own parse
 * and bash's word rules, must be a command the engine has, with options its own option parser
 * accepts. A new lesson cannot silently outgrow the sandbox. The list is printed.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readExampleFile} from '../../examples/readExample';
import {COMMANDS} from '../../packages/sandbox-git/src/cli.js';
import {GitExit} from '../../packages/sandbox-git/src/errors.js';
import {parseOptions} from '../../packages/sandbox-git/src/options.js';
import {subcommandSpecs} from '../../packages/sandbox-git/src/commands/worktree.js';
import {extractLesson} from '../lesson-runner/extract';
import {discoverLessons} from '../lesson-runner/lessons';
import {gitInvocations} from '../lesson-runner/shell-words';
import {REPO_ROOT} from './engines';

/** Every `git ...` of the lessons, with where it is. */
function lessonInvocations(): {where: string; argv: string[]}[] {
  const found: {where: string; argv: string[]}[] = [];
  for (const {lesson, files} of discoverLessons(REPO_ROOT)) {
    for (const file of files) {
      for (const item of extractLesson(readFileSync(file.file, 'utf8'), readExampleFile)) {
        if (item.kind !== 'bash') continue;
        for (const argv of gitInvocations(item.code)) {
          found.push({where: `${lesson} [${file.locale}] bash block ${item.index}${item.norun ? ' (not run)' : ''}, line ${item.line}`, argv});
        }
      }
    }
  }
  return found;
}

/** git's global options come before the command. */
function splitGlobal(argv: string[]): {command: string | undefined; rest: string[]} {
  let i = 0;
  while (i < argv.length && (argv[i] === '-C' || argv[i] === '-c' || argv[i] === '--no-pager')) i += argv[i] === '--no-pager' ? 1 : 2;
  return {command: argv[i], rest: argv.slice(i + 1)};
}

describe('the lessons\u2019 git commands', () => {
  const invocations = lessonInvocations();

  it('are found in every lesson', () => {
    expect(new Set(invocations.map((i) => i.where.split(' ')[0])).size).toBe(discoverLessons(REPO_ROOT).length);
    expect(invocations.length).toBeGreaterThan(100);
  });

  it('are all commands and options the sandbox\u2019s git has', async () => {
    const problems: string[] = [];
    /** command -> options used (the coverage, printed below). */
    const used = new Map<string, Set<string>>();
    for (const {where, argv} of invocations) {
      const {command, rest} = splitGlobal(argv);
      const shown = `git ${argv.join(' ').replace(/\n[\s\S]*/, '…')}`;
      if (command === undefined || !Object.hasOwn(COMMANDS, command)) {
        problems.push(`${where}: \`${shown}\`: the sandbox's git has no command '${command}'`);
        continue;
      }
      const module = await COMMANDS[command]!();
      const sub = command === 'worktree' ? rest[0] : undefined;
      const spec = sub ? subcommandSpecs[sub as keyof typeof subcommandSpecs] : module.spec;
      if (!spec) {
        problems.push(`${where}: \`${shown}\`: the sandbox's git has no 'git worktree ${sub}'`);
        continue;
      }
      const name = sub ? `${command} ${sub}` : command;
      const options = used.get(name) ?? new Set<string>();
      used.set(name, options);
      const args = sub ? rest.slice(1) : rest;
      for (const arg of args) {
        if (arg === '--') break;
        if (/^-[A-Za-z-]/.test(arg)) options.add(arg.replace(/=.*$/s, '=…'));
      }
      try {
        parseOptions(spec, args);
      } catch (error) {
        if (!(error instanceof GitExit)) throw error;
        problems.push(`${where}: \`${shown}\`: ${error.text.split('\n')[0]}`);
      }
    }
    console.log(
      `The lessons' git, ${invocations.length} invocations:\n${[...used]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, options]) => `  git ${name}${options.size > 0 ? ` ${[...options].sort().join(' ')}` : ''}`)
        .join('\n')}`,
    );
    if (problems.length > 0) throw new Error(`\n${problems.join('\n')}\n`);
  });

  it('fail the check when a lesson uses what the engine lacks', () => {
    // The check's own parse on made-up blocks: an unknown command and an unknown option.
    expect(gitInvocations('git bisect start\ngit log --frobnicate')).toEqual([['bisect', 'start'], ['log', '--frobnicate']]);
    expect(Object.hasOwn(COMMANDS, 'bisect')).toBe(false);
    expect(() => parseOptions((COMMANDS as never as {log: never}) && {command: 'log', usage: ['git log'], options: []}, ['--frobnicate'])).toThrow(GitExit);
  });
});

export {path};
