/**
 * The diagram's redraw, timed in Node: after each command the playground reads the repository
 * (readRepoGraph + textTwin, through the engine), lays it out and renders RepoDiagram. Timed
 * here for lesson 02's final repository and for a 200-commit history built by the engine.
 * Loaded by scripts/bench/repo-diagram.mjs (through Vite, for TypeScript and Docusaurus's
 * Translate).
 */
import {renderToString} from 'react-dom/server';
import RepoDiagram from '../../src/components/RepoDiagram';
import {engineRepo, phaseRepo, type Step} from '../../src/lib/repoGraph/fixtures';
import {layoutRepoGraph} from '../../src/lib/repoGraph/layout';
import {readRepoGraph} from '../../src/lib/repoGraph/read';
import {textTwin} from '../../src/lib/repoGraph/textTwin';

/** A learner's long history: 200 commits on main and a few branches, merged and tagged. */
export function longHistory(commits = 200): Step[] {
  const steps: Step[] = [['init', '-q', '-b', 'main'], ['config', 'user.name', 'Learner'], ['config', 'user.email', 'learner@example.com']];
  let made = 0;
  let branch = 0;
  const commit = () => steps.push({write: `file-${made}.txt`, content: `${made}\n`}, ['add', '.'], ['commit', '-q', '-m', `change ${++made}: ${'x'.repeat(made % 30)}`]);
  while (made < commits) {
    commit();
    if (made % 10 === 0 && made + 4 < commits) {
      const name = `feature/f${++branch}`;
      steps.push(['switch', '-q', '-c', name]);
      commit();
      commit();
      steps.push(['switch', '-q', 'main']);
      commit();
      steps.push(['merge', '-q', '--no-edit', name]);
      made++;
      if (branch % 2 === 0) steps.push(['branch', '-q', '-d', name]);
      if (branch % 3 === 0) steps.push(['tag', `v1.${branch}`]);
    }
  }
  return steps;
}

export interface Figures {
  name: string;
  commits: number;
  read: number[];
  twin: number[];
  layout: number[];
  render: number[];
  total: number[];
  htmlBytes: number;
}

const ms = (start: number) => performance.now() - start;

export async function benchRepoDiagram(runs: number): Promise<Figures[]> {
  const cases = [
    {name: "lesson 02's final repository", location: await phaseRepo('02-after-fix')},
    {name: '200-commit history', location: await engineRepo(longHistory(200))},
  ];
  const results: Figures[] = [];
  for (const {name, location} of cases) {
    const figures: Figures = {name, commits: 0, read: [], twin: [], layout: [], render: [], total: [], htmlBytes: 0};
    for (let run = 0; run <= runs; run++) {
      const t0 = performance.now();
      const graph = await readRepoGraph(location);
      const read = ms(t0);
      const t1 = performance.now();
      const twin = await textTwin(location);
      const twinTime = ms(t1);
      const t2 = performance.now();
      layoutRepoGraph(graph);
      const layout = ms(t2);
      const t3 = performance.now();
      // Renders its own layout again: the component's cost as the playground pays it.
      const html = renderToString(<RepoDiagram graph={graph} textTwin={twin} />);
      const render = ms(t3);
      if (run === 0) continue; // warm-up: module loading, JIT
      figures.commits = graph.commits.length;
      figures.htmlBytes = html.length;
      figures.read.push(read);
      figures.twin.push(twinTime);
      figures.layout.push(layout);
      figures.render.push(render);
      figures.total.push(read + twinTime + render);
    }
    results.push(figures);
  }
  return results;
}
