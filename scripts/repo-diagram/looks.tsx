/** What look.mjs draws: lesson 02's final repository read by the engine, and harder cases. */
import {engineRepo, phaseRepo} from '../../src/lib/repoGraph/fixtures';
import {loadRepoDiagram, type RepoDiagramData} from '../../src/lib/repoGraph/load';

export async function lookData(): Promise<Record<string, RepoDiagramData[]>> {
  const lesson02 = await loadRepoDiagram(await phaseRepo('02-after-fix'));
  const longNames = await loadRepoDiagram(
    await engineRepo([
      ['init', '-q', '-b', 'main'],
      ['config', 'user.name', 'L'],
      ['config', 'user.email', 'l@example.com'],
      ['commit', '-q', '--allow-empty', '-m', 'Initial commit: production e-commerce system'],
      ['switch', '-q', '-c', 'develop'],
      ['commit', '-q', '--allow-empty', '-m', 'WIP: advanced cart system - partial implementation'],
      ['switch', '-q', '-c', 'experiment/recs-popularity'],
      ['commit', '-q', '--allow-empty', '-m', 'experiment: recommendations by popularity 🚀'],
      ['tag', '-a', 'exp-v0.1', '-m', 'try'],
      ['switch', '-q', '-c', 'experiment/recs-collaborative-filtering'],
      ['switch', '-q', 'main'],
      ['switch', '-q', '-c', 'hotfix/payment-timeout-fix'],
      ['commit', '-q', '--allow-empty', '-m', 'hotfix: fix payment timeout and add retry logic'],
      ['tag', 'hotfix-v1.0.1'],
      ['tag', 'v1.0.1'],
      ['switch', '-q', 'develop'],
      ['merge', '-q', '-m', "Merge branch 'hotfix/payment-timeout-fix' into develop", 'hotfix/payment-timeout-fix'],
    ]),
  );
  return {'lesson-02': [lesson02], 'long-names': [longNames]};
}
