import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {isGitGraph} from '../../../scripts/lesson-runner/gitgraph';
import {phases} from '../../../examples/ecommerce/phases';
import {engineRepo, phaseRepo} from './fixtures';
import {readRepoGraph} from './read';
import {gitGraphSummary, graphSummary} from './summary';

const LOCALES = ['docs/lessons', 'i18n/en/docusaurus-plugin-content-docs/current/lessons'];

/** A lesson's last gitGraph diagram: the repository the lesson ends with. */
function finalDiagram(file: string): string {
  const diagrams = [...readFileSync(file, 'utf8').matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!).filter(isGitGraph);
  return diagrams[diagrams.length - 1]!;
}

describe('graphSummary and gitGraphSummary', () => {
  it('lesson 02: the repository its commands leave (phase 02-after-fix, replayed by the engine) sums up as the lesson’s final diagram, both locales', async () => {
    const learner = graphSummary(await readRepoGraph(await phaseRepo('02-after-fix')));
    expect(learner).toEqual({
      branches: ['develop', 'main'],
      tags: [{name: 'hotfix-v1.0.1', commit: 'docs: document payment timeout hotfix'}],
      merges: [{into: 'develop', from: ['main'], commit: "Merge branch 'hotfix/payment-timeout-fix' into develop"}],
      history: {
        develop: [
          'Initial commit: production e-commerce system',
          'WIP: advanced cart system - partial implementation',
          'WIP: new API endpoints structure',
          "Merge branch 'hotfix/payment-timeout-fix' into develop",
          'docs: post-incident action plan',
        ],
        main: [
          'Initial commit: production e-commerce system',
          'hotfix: fix payment timeout and add retry logic',
          'test: add hotfix validation test',
          'docs: document payment timeout hotfix',
        ],
      },
    });
    for (const dir of LOCALES) expect(gitGraphSummary(finalDiagram(`${dir}/02-hotfix-workflow.mdx`)), dir).toEqual(learner);
  });

  it('every lesson ends where its diagram says: each lesson’s final phase against its last diagram (branches the lesson deletes in its text named)', async () => {
    for (const [id, phase] of Object.entries(phases)) {
      if (!('endsLesson' in phase)) continue;
      const deleted = phase.history.flatMap((step) => (step.op === 'deleteBranch' ? [step.name] : []));
      const learner = graphSummary(await readRepoGraph(await phaseRepo(id as keyof typeof phases)));
      for (const dir of LOCALES) expect(gitGraphSummary(finalDiagram(`${dir}/${phase.lesson}.mdx`), {deleted}), `${id} vs ${dir}`).toEqual(learner);
    }
  });

  it('tells a fast-forward from a merge, a moved tag and a missing branch', async () => {
    const lesson = gitGraphSummary(finalDiagram('docs/lessons/02-hotfix-workflow.mdx'));
    const steps = (mergeArgs: string[], tagAt: string) =>
      engineRepo([
        ['init', '-q', '-b', 'main'],
        ['config', 'user.name', 'L'],
        ['config', 'user.email', 'l@example.com'],
        ['commit', '-q', '--allow-empty', '-m', 'Initial commit: production e-commerce system'],
        ['switch', '-q', '-c', 'develop'],
        ['commit', '-q', '--allow-empty', '-m', 'WIP: advanced cart system - partial implementation'],
        ['commit', '-q', '--allow-empty', '-m', 'WIP: new API endpoints structure'],
        ['switch', '-q', 'main'],
        ['switch', '-q', '-c', 'hotfix/payment-timeout-fix'],
        ['commit', '-q', '--allow-empty', '-m', 'hotfix: fix payment timeout and add retry logic'],
        ['commit', '-q', '--allow-empty', '-m', 'test: add hotfix validation test'],
        ['commit', '-q', '--allow-empty', '-m', 'docs: document payment timeout hotfix'],
        ['tag', 'hotfix-v1.0.1', tagAt],
        ['switch', '-q', 'main'],
        ['merge', '-q', ...mergeArgs, 'hotfix/payment-timeout-fix'],
        ['switch', '-q', 'develop'],
        ['merge', '-q', '-m', "Merge branch 'hotfix/payment-timeout-fix' into develop", 'hotfix/payment-timeout-fix'],
        ['branch', '-q', '-d', 'hotfix/payment-timeout-fix'],
        ['commit', '-q', '--allow-empty', '-m', 'docs: post-incident action plan'],
      ]);
    expect(graphSummary(await readRepoGraph(await steps([], 'HEAD')))).toEqual(lesson);
    const noFf = graphSummary(await readRepoGraph(await steps(['--no-ff', '-m', 'merge hotfix'], 'HEAD')));
    expect(noFf.merges.map((m) => m.commit)).toContain('merge hotfix');
    expect(noFf).not.toEqual(lesson);
    const tagMoved = graphSummary(await readRepoGraph(await steps([], 'HEAD~1')));
    expect(tagMoved.tags).toEqual([{name: 'hotfix-v1.0.1', commit: 'test: add hotfix validation test'}]);
    expect(gitGraphSummary(finalDiagram('docs/lessons/02-hotfix-workflow.mdx'), {deleted: ['develop']}).branches).toEqual(['main']);
  });
});
