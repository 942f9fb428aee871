/**
 * Turns a phase of the course's e-commerce repository into a StackBlitz WebContainer project
 * (the SDK's `Project`): the phase's files, unchanged, plus the sandbox tooling. WebContainers
 * have no `git` binary, so the project carries the course's own git (`packages/sandbox-git`,
 * vendored in `.sandbox/sandbox-git`, a `file:` dependency that npm links as
 * `node_modules/.bin/git`), and `npm install` recreates the phase's history with it by running the
 * phase's script (`examples/ecommerce/phaseScript.ts`), the same commands the course checks
 * against real git.
 *
 * Pure: every file it needs is passed in or read through `sources`.
 */
import {createHash} from 'node:crypto';
import type {Exercise} from '../../../examples/ecommerce/exercises/types';
import {expandSolution} from '../../../examples/ecommerce/exercises/solution';
import {inlineScript, phaseScript, type InlineStep} from '../../../examples/ecommerce/phaseScript';
import {COURSE_DATE, type Phase} from '../../../examples/ecommerce/phases/types';
import {SUMMARIES} from '../../../packages/sandbox-git/src/commands/help.js';

/** WebContainers pick Node from `engines.node` (exact version) or `.nvmrc` in the project root. */
export const SANDBOX_NODE_VERSION = '22.22.0';
export const PINNED_VERSIONS = {vitest: '4.1.12'} as const;

export const TOOLING_DIR = '.sandbox';
export const HISTORY_FILE = `${TOOLING_DIR}/history.json`;
export const SETUP_SCRIPT = `${TOOLING_DIR}/setup.mjs`;
/** Where the sandbox's git is vendored in the project (what `npm install` links). */
export const ENGINE_DIR = `${TOOLING_DIR}/sandbox-git`;
/** The sandbox's own README, in the page's language (the repository's README.md is the lesson's). */
export const SANDBOX_README = 'SANDBOX.md';
/** Tooling scripts: path in the project -> file name under `examples/tooling/`. */
export const TOOLING_SCRIPTS: Record<string, string> = {[SETUP_SCRIPT]: 'setup.mjs'};

/** An exercise's project also has its goals and the checker (`npm run check`, `npm run solution`). */
export const EXERCISE_FILE = `${TOOLING_DIR}/exercise.json`;
export const CHECK_SCRIPT = `${TOOLING_DIR}/check.mjs`;
export const CHECKER_MODULE = `${TOOLING_DIR}/exercise-check.mjs`;
/**
 * The checker imports the engine as the repository lays it out (so that webpack and vitest load
 * it from `examples/tooling/`); in the project the engine sits beside it.
 */
export const CHECKER_ENGINE_IMPORT = {repository: '../../packages/sandbox-git/src/', project: './sandbox-git/src/'} as const;

/** What `.sandbox/exercise.json` holds: read by `.sandbox/check.mjs`. */
export interface ExerciseFile {
  locale: Locale;
  /** The goals, each solution with its files put in (what `npm run solution` prints). */
  exercise: Exercise;
  /** The tests `needsTests` goals run, by project path: the checker's own copy. */
  tests: Record<string, string>;
  /** Identifies the tests (with a commit's tree, the key of the cached results). */
  testsHash: string;
}

/** The git commands the sandbox has, as `git help` lists them. */
export const SANDBOX_GIT_COMMANDS: readonly string[] = Object.keys(SUMMARIES);

export type Locale = 'it' | 'en';

export interface SandboxProject {
  title: string;
  description: string;
  template: 'node';
  files: Record<string, string>;
}

export interface SandboxSources {
  /** A file under `examples/` (path relative to it). */
  readExample(relativePath: string): string;
  /** A file under `examples/tooling/`. */
  readTooling(name: string): string;
  /** The files of the sandbox's git package, by path inside it (`bin/git.js`, `src/cli.js`, ...). */
  engineFiles(): Record<string, string>;
}

/** What `.sandbox/history.json` holds: read by `.sandbox/setup.mjs`. */
export interface HistoryFile {
  locale: Locale;
  /** GIT_AUTHOR_DATE / GIT_COMMITTER_DATE of the replay: the commit ids equal the lesson's. */
  date: string;
  /** The phase's script, files inline. */
  steps: InlineStep[];
  /** Project files that are not part of the lesson's repository (written to .git/info/exclude). */
  exclude: string[];
  /** What setup.mjs prints, in the project's language. */
  messages: {done: string; exists: string; failed: string; welcome: string};
}

const commandList = SANDBOX_GIT_COMMANDS.join(', ');

const TEXT = {
  it: {
    title: (id: string) => `Corso Git Workflow — repository e-commerce (${id})`,
    description: (lesson: string) => `Il repository e-commerce della lezione ${lesson}, con git nel terminale: npm test, git log.`,
    messages: {
      done: 'Cronologia git ricreata con il git della sandbox: {commands} comandi, branch attivo {branch}. Guardala con: git log --graph --oneline --all',
      exists: 'La cronologia git esiste già (.git). Per ricrearla: elimina la cartella .git e lancia npm run setup.',
      failed: 'Impossibile ricreare la cronologia git ({reason}). Riprova con: npm run setup',
      welcome: `git è pronto in questo terminale (il git della sandbox: ${commandList}; git help per l'elenco). Se "git" non viene trovato, usa: npx git <comando>`,
    },
    exerciseReadme: (task: string) =>
      `\n## L'esercizio\n\n${task}\n\n- \`npm run check\`: legge il repository e dice, obiettivo per obiettivo, che cosa è fatto e che cosa manca (con un suggerimento per il primo obiettivo mancante); esce con 0 solo quando è tutto fatto.\n- \`npm run solution\`: i comandi della lezione per gli obiettivi che mancano.\n\nIl controllo guarda solo lo stato finale (branch, tag, commit, test sul codice committato), non i comandi che scrivi: ogni strada giusta passa, con il git della sandbox o con il git vero dello zip.\n`,
  },
  en: {
    title: (id: string) => `Git Workflow Course — e-commerce repository (${id})`,
    description: (lesson: string) => `The e-commerce repository of lesson ${lesson}, with git in the terminal: npm test, git log.`,
    messages: {
      done: 'Git history recreated with the sandbox git: {commands} commands, checked-out branch {branch}. See it with: git log --graph --oneline --all',
      exists: 'The git history already exists (.git). To recreate it: delete the .git folder and run npm run setup.',
      failed: 'Could not recreate the git history ({reason}). Try again with: npm run setup',
      welcome: `git is ready in this terminal (the sandbox git: ${commandList}; git help lists them). If "git" is not found, use: npx git <command>`,
    },
    exerciseReadme: (task: string) =>
      `\n## The exercise\n\n${task}\n\n- \`npm run check\`: reads the repository and says, goal by goal, what is done and what is missing (with a hint for the first missing goal); it exits with 0 only when everything is done.\n- \`npm run solution\`: the lesson's commands for the goals still missing.\n\nThe check looks only at the final state (branches, tags, commits, tests on the committed code), never at the commands you type: every right route passes, with the sandbox's git or with real git from the zip.\n`,
  },
} as const;

/** The sandbox README's placeholders, filled per phase and locale. */
function sandboxReadme(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in values)) throw new Error(`sandbox README template: unknown placeholder ${whole}`);
    return values[key]!;
  });
}

/**
 * The files an exercise adds: its goals (solutions expanded), the checker and its command line,
 * and its tests in `tests/`, where `npm test` runs them on the working tree.
 */
function exerciseFiles(phaseId: string, exercise: Exercise, files: Record<string, string>, locale: Locale, sources: SandboxSources): Record<string, string> {
  if (exercise.phase !== phaseId) throw new Error(`Exercise of ${exercise.lesson} starts from ${exercise.phase}, not ${phaseId}`);
  const tests = Object.fromEntries(Object.entries(exercise.tests).map(([file, source]) => [file, sources.readExample(source)]));
  for (const [file, text] of Object.entries(tests)) {
    if (file in files && files[file] !== text) throw new Error(`Phase ${phaseId}: its ${file} is not the exercise's (${exercise.tests[file]})`);
  }
  const expanded: Exercise = {...exercise, goals: exercise.goals.map((goal) => ({...goal, solution: expandSolution(goal.solution, sources.readExample)}))};
  const testsHash = createHash('sha1').update(JSON.stringify(tests)).digest('hex');
  const data: ExerciseFile = {locale, exercise: expanded, tests, testsHash};
  const checker = sources.readTooling('exercise-check.mjs');
  const {repository, project} = CHECKER_ENGINE_IMPORT;
  if (!checker.includes(`from '${repository}`)) throw new Error(`examples/tooling/exercise-check.mjs no longer imports the engine from ${repository}`);
  return {
    ...tests,
    [EXERCISE_FILE]: JSON.stringify(data, null, 2) + '\n',
    [CHECK_SCRIPT]: sources.readTooling('check.mjs'),
    [CHECKER_MODULE]: checker.split(`from '${repository}`).join(`from '${project}`),
  };
}

export function buildSandboxProject(
  phaseId: string,
  phase: Phase,
  files: Record<string, string>,
  /** The files the phase's history tracks on its checked-out branch (the rest of `files` is not the lesson's repository). */
  tracked: ReadonlySet<string>,
  locale: Locale,
  sources: SandboxSources,
  /** The exercise that starts from this phase, if it is an `NN-exercise` phase. */
  exercise?: Exercise,
): SandboxProject {
  const phasePackage = files['package.json'];
  if (phasePackage === undefined) throw new Error(`Phase ${phaseId} has no package.json`);
  const engine = sources.engineFiles();
  const reserved = [HISTORY_FILE, ...Object.keys(TOOLING_SCRIPTS), EXERCISE_FILE, CHECK_SCRIPT, CHECKER_MODULE, '.nvmrc', SANDBOX_README, ...Object.keys(engine).map((p) => `${ENGINE_DIR}/${p}`)];
  for (const p of reserved) {
    if (p in files) throw new Error(`Phase ${phaseId} already has a file at ${p}, reserved for the sandbox`);
  }
  const pkg = JSON.parse(phasePackage) as Record<string, unknown> & {
    scripts?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  // `demo` is optional (a phase may have nothing to demo); `test` is not.
  if (!pkg.scripts?.test) throw new Error(`Phase ${phaseId}: package.json has no "test" script`);
  const gitLog = 'git log --graph --oneline --all --decorate';
  const sandboxPackage = {
    ...pkg,
    scripts: {
      ...pkg.scripts,
      setup: `node ${SETUP_SCRIPT}`,
      postinstall: `node ${SETUP_SCRIPT}`,
      history: `node ${SETUP_SCRIPT} --if-needed && ${gitLog}`,
      ...(exercise ? {check: `node ${CHECK_SCRIPT}`, solution: `node ${CHECK_SCRIPT} --solution`} : {}),
    },
    devDependencies: {...pkg.devDependencies, ...PINNED_VERSIONS, 'sandbox-git': `file:${ENGINE_DIR}`},
    engines: {node: SANDBOX_NODE_VERSION},
    // The terminal StackBlitz opens: node_modules/.bin first on PATH (a bare `git` works even
    // where WebContainers would not look there), the history, the branches, one line of welcome.
    stackblitz: {startCommand: `export PATH="$PWD/node_modules/.bin:$PATH"; node ${SETUP_SCRIPT} --if-needed && ${gitLog} && node ${SETUP_SCRIPT} --if-needed --welcome`},
  };
  const text = TEXT[locale];
  const sandboxFiles: Record<string, string> = {
    ...files,
    'package.json': JSON.stringify(sandboxPackage, null, 2) + '\n',
    '.nvmrc': `v${SANDBOX_NODE_VERSION}\n`,
    [SANDBOX_README]: sandboxReadme(sources.readTooling(`sandbox-readme.${locale}.md`), {
      phase: phaseId,
      lesson: phase.lesson,
      commands: SANDBOX_GIT_COMMANDS.map((c) => `\`git ${c}\``).join(', '),
      demo: pkg.scripts.demo ? `npm run demo` : '',
      exercise: exercise ? text.exerciseReadme(exercise.task[locale]) : '',
    }),
  };
  for (const [projectPath, name] of Object.entries(TOOLING_SCRIPTS)) sandboxFiles[projectPath] = sources.readTooling(name);
  if (exercise) Object.assign(sandboxFiles, exerciseFiles(phaseId, exercise, files, locale, sources));
  for (const [p, content] of Object.entries(engine)) sandboxFiles[`${ENGINE_DIR}/${p}`] = content;
  const exclude = [
    ...Object.keys(sandboxFiles).filter((p) => !tracked.has(p) && !(p in phase.untracked) && !p.startsWith(`${TOOLING_DIR}/`)),
    `${TOOLING_DIR}/`,
    'node_modules/',
    'package-lock.json',
  ];
  const history: HistoryFile = {
    locale,
    date: COURSE_DATE,
    steps: inlineScript(phaseScript(phase), (source) => sources.readExample(source)),
    exclude: [...new Set(exclude)].sort(),
    messages: {...text.messages},
  };
  sandboxFiles[HISTORY_FILE] = JSON.stringify(history, null, 2) + '\n';

  const sorted = Object.fromEntries(Object.entries(sandboxFiles).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    title: text.title(phaseId),
    description: text.description(phase.lesson),
    template: 'node',
    files: sorted,
  };
}
