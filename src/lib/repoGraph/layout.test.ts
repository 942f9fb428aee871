import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {isGitGraph} from '../../../scripts/lesson-runner/gitgraph';
import {PHASE_IDS, phaseRepo, randomGraph} from './fixtures';
import {estimateTextWidth, fitText, GEOMETRY, layoutRepoGraph, type Box, type RepoLayout} from './layout';
import {readRepoGraph} from './read';
import {gitGraphToRepoGraph} from './summary';
import {emptyGraph, type RepoGraph} from './types';

// Every label of the diagram (messages, branch names, HEAD, tags) measured from the layout's own
// geometry: no two overlap, none covers a commit's dot or a branch's ring, no line runs across a
// dot it does not belong to, everything is inside the drawing, and the drawing's size is bounded.

const G = GEOMETRY;
const LESSONS = ['01-feature-branch', '02-hotfix-workflow', '03-experimentation'];
const LOCALES = ['docs/lessons', 'i18n/en/docusaurus-plugin-content-docs/current/lessons'];

/** Every gitGraph diagram of every lesson, both locales. */
function lessonDiagrams(): Array<{name: string; source: string}> {
  return LOCALES.flatMap((dir) =>
    LESSONS.flatMap((lesson) =>
      [...readFileSync(`${dir}/${lesson}.mdx`, 'utf8').matchAll(/```mermaid\n([\s\S]*?)\n```/g)]
        .map((m) => m[1]!)
        .filter(isGitGraph)
        .map((source, i) => ({name: `${dir}/${lesson} diagram ${i + 1}`, source})),
    ),
  );
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const circleBox = (cx: number, cy: number, r: number): Box => ({x: cx - r, y: cy - r, width: 2 * r, height: 2 * r});

/** Straight pieces of a path (a rounded corner's curve counted as its chord's box corners). */
function segments(d: string): Array<{x1: number; y1: number; x2: number; y2: number}> {
  const out: Array<{x1: number; y1: number; x2: number; y2: number}> = [];
  let x = 0;
  let y = 0;
  for (const [, op, args] of d.matchAll(/([MVHQ])([^MVHQ]*)/g)) {
    const n = args!.trim().split(/\s+/).map(Number);
    if (op === 'M') [x, y] = [n[0]!, n[1]!];
    else if (op === 'V') out.push({x1: x, y1: y, x2: x, y2: (y = n[0]!)});
    else if (op === 'H') out.push({x1: x, y1: y, x2: (x = n[0]!), y2: y});
    else {
      out.push({x1: x, y1: y, x2: n[2]!, y2: n[3]!});
      [x, y] = [n[2]!, n[3]!];
    }
  }
  return out;
}

/** Everything a reader would see as wrong, in words. */
function problems(layout: RepoLayout): string[] {
  const found: string[] = [];
  const labels = [
    ...layout.commits.map((c) => ({name: `message "${c.label}"`, box: c.labelBox, text: c.label, px: G.messagePx, pad: G.messagePadX})),
    ...layout.refs.map((r) => ({
      name: `${r.kind} "${r.text}"`,
      box: r.box,
      text: r.text,
      px: r.kind === 'branch' ? G.badgePx : G.tagPx,
      pad: (r.kind === 'branch' ? G.badgePadX : G.tagPadX) + (r.kind === 'tag' ? G.tagHeight / 2 : 0),
    })),
  ];
  const dots = [
    ...layout.commits.map((c) => ({name: `dot of "${c.label}"`, lane: c.lane, cx: c.cx, cy: c.cy, r: G.dotRadius})),
    ...layout.rings.map((r) => ({name: `ring of ${r.branch}`, lane: -1, cx: r.cx, cy: r.cy, r: r.r})),
  ];
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    if (a.box.width + 0.01 < estimateTextWidth(a.text, a.px) + 2 * Math.min(a.pad, G.badgePadX)) found.push(`${a.name}: its box is narrower than its text`);
    for (let j = i + 1; j < labels.length; j++) if (intersects(a.box, labels[j]!.box)) found.push(`${a.name} overlaps ${labels[j]!.name}`);
    for (const dot of dots) if (intersects(a.box, circleBox(dot.cx, dot.cy, dot.r))) found.push(`${a.name} covers the ${dot.name}`);
    const {x, y, width, height} = a.box;
    if (x < 0 || y < 0 || x + width > layout.width || y + height > layout.height) found.push(`${a.name} is outside the drawing`);
  }
  for (let i = 0; i < dots.length; i++)
    for (let j = i + 1; j < dots.length; j++) {
      const [a, b] = [dots[i]!, dots[j]!];
      if (Math.hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r) found.push(`${a.name} and ${b.name} overlap`);
    }
  // A line may touch a dot at its ends (its own commits) and run along its own lane; nowhere else.
  const laneAt = new Map(layout.lanes.map((lane) => [lane.index, lane]));
  for (const line of layout.lines) {
    if (line.kind === 'cut' || line.kind === 'guide') continue;
    for (const s of segments(line.d)) {
      for (const dot of dots) {
        if (dot.lane === -1 && line.kind === 'pointer') continue;
        const atEnd = [
          [s.x1, s.y1],
          [s.x2, s.y2],
        ].some(([x, y]) => Math.hypot(x! - dot.cx, y! - dot.cy) <= dot.r + 0.01);
        if (atEnd) continue;
        const nearX = Math.max(Math.min(s.x1, s.x2), Math.min(dot.cx, Math.max(s.x1, s.x2)));
        const nearY = Math.max(Math.min(s.y1, s.y2), Math.min(dot.cy, Math.max(s.y1, s.y2)));
        if (Math.hypot(nearX - dot.cx, nearY - dot.cy) >= dot.r + 1) continue;
        // Down its own lane's column, past the lane's own commits: the lane's line.
        const vertical = s.x1 === s.x2;
        const ownLane = dot.lane >= 0 && laneAt.get(dot.lane)?.x === s.x1 && line.colour === layout.commits.find((c) => c.cx === dot.cx && c.cy === dot.cy)?.colour;
        if (vertical && ownLane) continue;
        found.push(`a ${line.kind} line (${line.d}) crosses the ${dot.name}`);
      }
      for (const label of labels) {
        const box = label.box;
        const hit = Math.max(s.x1, s.x2) > box.x && Math.min(s.x1, s.x2) < box.x + box.width && Math.max(s.y1, s.y2) > box.y && Math.min(s.y1, s.y2) < box.y + box.height;
        if (hit) found.push(`a ${line.kind} line (${line.d}) runs under ${label.name}`);
      }
    }
  }
  return found;
}

/** The size a layout may take: one row per commit, one column per lane, two bands, a header. */
function sizeBound(graph: RepoGraph, layout: RepoLayout): {width: number; height: number} {
  const rows = Math.min(graph.commits.length, 200);
  const branches = graph.branches.length;
  const headerRows = Math.max(1, branches);
  const columns = layout.lanes.length === 0 ? 1 : Math.max(...layout.lanes.map((l) => l.column)) + 1;
  const band = 12 * 20 * 0.98 + 200 * Math.max(1, graph.tags.length);
  return {
    width: 2 * G.pad + G.messageMaxWidth + 2 * G.messagePadX + 2 * G.bandGap + columns * G.laneWidth + band + 400,
    height: 2 * G.pad + G.rowHeight * (rows + 1) + headerRows * G.badgeRowHeight + G.headerGap,
  };
}

describe('layoutRepoGraph', () => {
  it('lesson 02’s final repository: main in the first lane and colour, develop in its own; messages left, the tag and HEAD right, one row each', async () => {
    const layout = layoutRepoGraph(await readRepoGraph(await phaseRepo('02-after-fix')));
    expect(layout.lanes.map((l) => [l.branch, l.column, l.colour])).toEqual([
      ['main', 0, 0],
      ['develop', 1, 1],
    ]);
    expect(layout.commits.map((c) => [c.row, c.label, layout.lanes[c.lane]!.branch, c.merge])).toEqual([
      [0, 'Initial commit: production e-commerce system', 'main', false],
      [1, 'WIP: advanced cart system - partial implementation', 'develop', false],
      [2, 'WIP: new API endpoints structure', 'develop', false],
      [3, 'hotfix: fix payment timeout and add retry logic', 'main', false],
      [4, 'test: add hotfix validation test', 'main', false],
      [5, 'docs: document payment timeout hotfix', 'main', false],
      [6, "Merge branch 'hotfix/payment-timeout-fix' into develop", 'develop', true],
      [7, 'docs: post-incident action plan', 'develop', false],
    ]);
    const tag = layout.refs.find((r) => r.kind === 'tag')!;
    expect(tag.text).toBe('hotfix-v1.0.1');
    expect(tag.box.y + tag.box.height / 2).toBe(layout.commits[5]!.cy);
    expect(layout.refs.find((r) => r.kind === 'head')!.text).toBe('HEAD → develop');
    for (const commit of layout.commits) expect(commit.labelBox.x + commit.labelBox.width).toBeLessThan(layout.lanes[0]!.x - G.dotRadius);
    expect(problems(layout)).toEqual([]);
  });

  it('every phase of the course, read from the engine’s repository: no overlaps, bounded size', async () => {
    for (const id of PHASE_IDS) {
      const graph = await readRepoGraph(await phaseRepo(id));
      const layout = layoutRepoGraph(graph);
      expect(problems(layout), id).toEqual([]);
      expect(layout.commits).toHaveLength(graph.commits.length);
      const bound = sizeBound(graph, layout);
      expect(layout.width, id).toBeLessThanOrEqual(bound.width);
      expect(layout.height, id).toBeLessThanOrEqual(bound.height);
    }
  });

  it('every gitGraph diagram of the lessons, both locales: no overlaps, main always lane 0 in colour 0', () => {
    const diagrams = lessonDiagrams();
    expect(diagrams.length).toBeGreaterThanOrEqual(2 * 10);
    for (const {name, source} of diagrams) {
      const layout = layoutRepoGraph(gitGraphToRepoGraph(source));
      expect(problems(layout), name).toEqual([]);
      expect(layout.lanes[0], name).toMatchObject({branch: 'main', column: 0, colour: 0});
      expect(layout.lanes.filter((l) => l.colour === 0), name).toHaveLength(1);
    }
  });

  it('random histories of up to 200 commits (branches, merges, fast-forwards, deleted branches, tags, detached HEAD): no overlaps, bounded size', () => {
    const seen = {anonymous: 0, rings: 0, tags: 0, merges: 0, detached: 0};
    for (let seed = 1; seed <= 60; seed++) {
      const graph = randomGraph(seed, 5 + ((seed * 37) % 196));
      const layout = layoutRepoGraph(graph);
      expect(problems(layout), `seed ${seed}`).toEqual([]);
      const bound = sizeBound(graph, layout);
      expect(layout.width, `seed ${seed}`).toBeLessThanOrEqual(bound.width);
      expect(layout.height, `seed ${seed}`).toBeLessThanOrEqual(bound.height);
      expect(layout.lanes.find((l) => l.branch === 'main'), `seed ${seed}`).toMatchObject({column: 0, colour: 0});
      // Each branch its own lane and a colour other than main's.
      const named = layout.lanes.filter((l) => l.branch !== null);
      expect(new Set(named.map((l) => l.column)).size).toBe(named.length);
      expect(named.filter((l) => l.branch !== 'main').every((l) => l.colour !== 0)).toBe(true);
      seen.anonymous += layout.lanes.filter((l) => l.branch === null).length;
      seen.rings += layout.rings.length;
      seen.tags += layout.refs.filter((r) => r.kind === 'tag').length;
      seen.merges += layout.commits.filter((c) => c.merge).length;
      seen.detached += graph.head?.branch === null ? 1 : 0;
    }
    // The histories do contain what the check is about.
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(1);
  });

  it('a 200-commit history is drawn within 200 rows; a longer one keeps the newest 200 and says how many are left out', () => {
    const long = randomGraph(7, 400);
    expect(long.commits.length).toBeGreaterThan(200);
    const layout = layoutRepoGraph(long);
    expect(layout.commits).toHaveLength(200);
    expect(layout.hidden).toBe(long.commits.length - 200);
    expect(layout.commits.map((c) => c.oid)).toEqual(long.commits.slice(-200).map((c) => c.oid));
    expect(problems(layout)).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(sizeBound(long, layout).height + G.rowHeight);
  });

  it('a branch with no commit of its own gets its column, a ring on its commit’s row; nothing at all is an empty drawing', () => {
    const graph = gitGraphToRepoGraph('gitGraph\n  commit id: "one"\n  branch hotfix\n  checkout main\n  commit id: "two"\n  branch feature');
    const layout = layoutRepoGraph(graph);
    expect(layout.lanes.map((l) => l.branch)).toEqual(['main', 'hotfix', 'feature']);
    expect(layout.rings.map((r) => [r.branch, r.cy])).toEqual([
      ['hotfix', layout.commits[0]!.cy],
      ['feature', layout.commits[1]!.cy],
    ]);
    expect(problems(layout)).toEqual([]);
    const empty = layoutRepoGraph(emptyGraph('no-commits'));
    expect(empty.commits).toEqual([]);
    expect(empty.width).toBeGreaterThan(0);
  });

  it('the checker itself finds a tag moved onto a message, a message over a dot and a line across a dot', async () => {
    const layout = layoutRepoGraph(await readRepoGraph(await phaseRepo('02-after-fix')));
    const tag = layout.refs.find((r) => r.kind === 'tag')!;
    const onMessage = {...layout, refs: layout.refs.map((r) => (r === tag ? {...r, box: {...layout.commits[0]!.labelBox}} : r))};
    expect(problems(onMessage)).toContain('message "Initial commit: production e-commerce system" overlaps tag "hotfix-v1.0.1"');
    const first = layout.commits[0]!;
    const onDot = {...layout, commits: layout.commits.map((c) => (c === first ? {...c, labelBox: {...c.labelBox, x: c.cx - 20}} : c))};
    expect(problems(onDot).some((p) => p.includes('covers the dot of'))).toBe(true);
    const across = {...layout, lines: [...layout.lines, {kind: 'lane' as const, colour: 1, d: `M${first.cx - 40} ${layout.commits[3]!.cy}H${first.cx + 40}`}]};
    expect(problems(across).some((p) => p.includes('crosses the dot of "hotfix: fix payment timeout and add retry logic"'))).toBe(true);
    const narrow = {...layout, commits: layout.commits.map((c) => (c === first ? {...c, labelBox: {...c.labelBox, width: 40}} : c))};
    expect(problems(narrow)).toContain('message "Initial commit: production e-commerce system": its box is narrower than its text');
  });

  it('cuts a message too long for its band with "…", never a branch or tag name', () => {
    const long = 'feat: '.padEnd(120, 'x');
    expect(fitText(long, 12, 380).endsWith('…')).toBe(true);
    expect(estimateTextWidth(fitText(long, 12, 380), 12)).toBeLessThanOrEqual(380);
    expect(fitText('short', 12, 380)).toBe('short');
  });
});
