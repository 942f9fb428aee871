import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseDocument} from 'yaml';

// The GitHub Actions workflow can't run here; this checks what can be checked
// offline: valid YAML (no duplicate keys) and the shape the README promises.
const WORKFLOW = path.resolve(__dirname, '../.github/workflows/ci.yml');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

function loadWorkflow(): Workflow {
  const doc = parseDocument(readFileSync(WORKFLOW, 'utf8'), {uniqueKeys: true, prettyErrors: true});
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(doc.warnings.map((w) => w.message)).toEqual([]);
  return doc.toJS() as Workflow;
}

describe('.github/workflows/ci.yml', () => {
  const workflow = loadWorkflow();
  const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('runs the same .ci/run as CI on every push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.jobs.test?.steps.some((step) => step.run === 'bash .ci/run')).toBe(true);
  });

  it('deploys to GitHub Pages only from main, after the tests pass', () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy?.needs).toBe('test');
    expect(deploy?.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy?.permissions).toEqual({pages: 'write', 'id-token': 'write'});
    const uses = deploy?.steps.map((step) => step.uses?.split('@')[0]);
    expect(uses).toEqual(
      expect.arrayContaining([
        'actions/configure-pages',
        'actions/upload-pages-artifact',
        'actions/deploy-pages',
      ]),
    );
  });

  it('builds for the Pages URL: SITE_URL and a BASE_URL ending in a slash', () => {
    const build = workflow.jobs.deploy?.steps.find((step) => step.run === 'npm run build');
    expect(build?.env?.SITE_URL).toContain('steps.pages.outputs.origin');
    expect(build?.env?.BASE_URL).toMatch(/steps\.pages\.outputs\.base_path \}\}\/$/);
    const upload = workflow.jobs.deploy?.steps.find((step) =>
      step.uses?.startsWith('actions/upload-pages-artifact'),
    );
    expect(upload?.with?.path).toBe('build');
  });

  it('pins every action to a major version', () => {
    for (const step of allSteps.filter((s) => s.uses)) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    }
  });
});
