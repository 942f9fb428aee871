/**
 * TEMPORARY stand-in for `examples/ecommerce/materialize.ts` (`phaseFiles(id)`), which the
 * "examples" work provides. Delete this file and import the real `phaseFiles` as soon as it is
 * on main: the sandbox must ship exactly the files the examples' tests run.
 *
 * It derives the phase's working tree by replaying the phase's history over file maps
 * (fast-forward or three-way union; the course's merges never conflict), then adds the
 * untracked files, the phase's tests and a minimal package.json.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {phases, type Phase, type PhaseId} from '../../../examples/ecommerce/phases';

const EXAMPLES_DIR = path.resolve(__dirname, '../../../examples');
const read = (rel: string): string => readFileSync(path.join(EXAMPLES_DIR, rel), 'utf8');

export function phaseFiles(id: PhaseId): Record<string, string> {
  const phase: Phase = phases[id];
  const branches = new Map<string, Record<string, string>>([['main', {}]]);
  let current = 'main';
  for (const step of phase.history) {
    switch (step.op) {
      case 'commit': {
        const tree = {...branches.get(current)};
        for (const [repoPath, source] of Object.entries(step.files)) tree[repoPath] = read(source);
        branches.set(current, tree);
        break;
      }
      case 'branch':
        branches.set(step.name, {...branches.get(current)});
        current = step.name;
        break;
      case 'switch':
        current = step.name;
        break;
      case 'merge':
        branches.set(current, {...branches.get(current), ...branches.get(step.branch)});
        break;
      case 'deleteBranch':
        branches.delete(step.name);
        break;
      case 'tag':
        break;
    }
  }
  const files: Record<string, string> = {...branches.get(current)};
  for (const [repoPath, source] of Object.entries(phase.untracked)) files[repoPath] = read(source);
  for (const [repoPath, source] of Object.entries(phase.tests)) files[repoPath] = read(source);
  files['package.json'] =
    JSON.stringify(
      {
        name: `ecommerce-${id}`,
        version: '1.0.0',
        private: true,
        scripts: {demo: 'node test-payment.js', test: 'vitest run --passWithNoTests'},
        devDependencies: {vitest: '4.1.12'},
        engines: {node: '>=20.19.0'},
      },
      null,
      2,
    ) + '\n';
  return files;
}
