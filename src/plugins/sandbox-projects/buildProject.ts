/**
 * Turns a phase of the course's e-commerce repository into a StackBlitz WebContainer project
 * (the SDK's `Project`): the phase's files, unchanged, plus the sandbox tooling that recreates the
 * phase's git history with isomorphic-git (WebContainers have no `git` binary).
 *
 * Pure: every file it needs is passed in or read through `sources`.
 */
import type {HistoryStep, Phase} from '../../../examples/ecommerce/phases/types';

/** WebContainers pick Node from `engines.node` (exact version) or `.nvmrc` in the project root. */
export const SANDBOX_NODE_VERSION = '22.22.0';
export const PINNED_VERSIONS = {vitest: '4.1.12', 'isomorphic-git': '1.44.19'} as const;

export const TOOLING_DIR = '.sandbox';
export const HISTORY_FILE = `${TOOLING_DIR}/history.json`;
export const REPLAY_SCRIPT = `${TOOLING_DIR}/replay-history.mjs`;
export const PRINT_SCRIPT = `${TOOLING_DIR}/print-history.mjs`;
/** Tooling scripts: path in the project -> file name under `examples/tooling/`. */
export const TOOLING_SCRIPTS: Record<string, string> = {
  [REPLAY_SCRIPT]: 'replay-history.mjs',
  [PRINT_SCRIPT]: 'print-history.mjs',
};

/** The same identity and fixed date the lesson runner uses, so commit hashes match the lesson. */
export const HISTORY_AUTHOR = {
  name: 'DevOps Engineer',
  email: 'devops@ecommerce.com',
  /** 2026-11-27T18:00:00+01:00 */
  timestamp: Date.UTC(2026, 10, 27, 17, 0, 0) / 1000,
  /** Minutes, with the sign of JavaScript's getTimezoneOffset (+01:00 -> -60). */
  timezoneOffset: -60,
};

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
}

/**
 * Step options some lessons need, passed through when present (the same names the lesson
 * runner reads): `git merge --no-ff` (`noFastForward` / `noFf`), a merge's conflict resolution
 * (`resolved`: repo path -> source), `git tag -a name <branch>` (`target`), `git branch -D` (`force`).
 */
export type PhaseStep = HistoryStep & {
  noFastForward?: boolean;
  noFf?: boolean;
  resolved?: Record<string, string>;
  target?: string;
  force?: boolean;
};

/** A history step as the replay script reads it: file contents inline instead of source paths. */
export type ReplayStep =
  | {op: 'commit'; message: string; files: Record<string, string>}
  | (Exclude<HistoryStep, {op: 'commit'}> & {
      noFastForward?: boolean;
      resolved?: Record<string, string>;
      target?: string;
      force?: boolean;
    });

export interface HistoryFile {
  locale: Locale;
  author: typeof HISTORY_AUTHOR;
  steps: ReplayStep[];
  /** Project files that are not part of the lesson's repository (written to .git/info/exclude). */
  exclude: string[];
}

/** Paths tracked at the end of a phase's history (the checked-out branch's tree). */
export function trackedPaths(history: HistoryStep[]): Set<string> {
  const branches = new Map<string, Set<string>>([['main', new Set()]]);
  let current = 'main';
  for (const step of history) {
    if (step.op === 'commit') {
      const tree = new Set(branches.get(current));
      for (const p of Object.keys(step.files)) tree.add(p);
      branches.set(current, tree);
    } else if (step.op === 'branch') {
      branches.set(step.name, new Set(branches.get(current)));
      current = step.name;
    } else if (step.op === 'switch') {
      current = step.name;
    } else if (step.op === 'merge') {
      branches.set(current, new Set([...(branches.get(current) ?? []), ...(branches.get(step.branch) ?? [])]));
    } else if (step.op === 'deleteBranch') {
      branches.delete(step.name);
    }
  }
  return branches.get(current) ?? new Set();
}

const TEXT = {
  it: {
    title: (id: string) => `Corso Git Workflow — repository e-commerce (${id})`,
    description: (lesson: string) => `Il repository e-commerce della lezione ${lesson}: npm test, npm run history.`,
  },
  en: {
    title: (id: string) => `Git Workflow Course — e-commerce repository (${id})`,
    description: (lesson: string) => `The e-commerce repository of lesson ${lesson}: npm test, npm run history.`,
  },
} as const;

export function buildSandboxProject(
  phaseId: string,
  phase: Phase,
  files: Record<string, string>,
  locale: Locale,
  sources: SandboxSources,
): SandboxProject {
  const phasePackage = files['package.json'];
  if (phasePackage === undefined) throw new Error(`Phase ${phaseId} has no package.json`);
  for (const p of [HISTORY_FILE, ...Object.keys(TOOLING_SCRIPTS), '.nvmrc']) {
    if (p in files) throw new Error(`Phase ${phaseId} already has a file at ${p}, reserved for the sandbox`);
  }
  const pkg = JSON.parse(phasePackage) as Record<string, unknown> & {
    scripts?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  // `demo` is optional (a phase may have nothing to demo); `test` is not.
  if (!pkg.scripts?.test) throw new Error(`Phase ${phaseId}: package.json has no "test" script`);
  const sandboxPackage = {
    ...pkg,
    scripts: {
      ...pkg.scripts,
      setup: `node ${REPLAY_SCRIPT}`,
      postinstall: `node ${REPLAY_SCRIPT}`,
      history: `node ${PRINT_SCRIPT}`,
    },
    devDependencies: {...pkg.devDependencies, ...PINNED_VERSIONS},
    engines: {node: SANDBOX_NODE_VERSION},
    stackblitz: {startCommand: 'npm run setup && npm run history'},
  };

  const tracked = trackedPaths(phase.history);
  const sandboxFiles: Record<string, string> = {
    ...files,
    'package.json': JSON.stringify(sandboxPackage, null, 2) + '\n',
    '.nvmrc': `v${SANDBOX_NODE_VERSION}\n`,
  };
  for (const [projectPath, name] of Object.entries(TOOLING_SCRIPTS)) {
    sandboxFiles[projectPath] = sources.readTooling(name);
  }
  const exclude = [
    ...Object.keys(sandboxFiles).filter((p) => !tracked.has(p) && !(p in phase.untracked)),
    HISTORY_FILE,
    'node_modules/',
    'package-lock.json',
  ];
  const history: HistoryFile = {
    locale,
    author: HISTORY_AUTHOR,
    steps: (phase.history as PhaseStep[]).map((step): ReplayStep => {
      const inline = (files: Record<string, string>) =>
        Object.fromEntries(Object.entries(files).map(([p, source]) => [p, sources.readExample(source)]));
      if (step.op === 'commit') return {op: 'commit', message: step.message, files: inline(step.files)};
      const {noFf, resolved, ...rest} = step;
      return {
        ...rest,
        ...(noFf === true ? {noFastForward: true} : {}),
        ...(resolved ? {resolved: inline(resolved)} : {}),
      };
    }),
    exclude: [...new Set(exclude)].sort(),
  };
  sandboxFiles[HISTORY_FILE] = JSON.stringify(history, null, 2) + '\n';

  const sorted = Object.fromEntries(Object.entries(sandboxFiles).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    title: TEXT[locale].title(phaseId),
    description: TEXT[locale].description(phase.lesson),
    template: 'node',
    files: sorted,
  };
}
