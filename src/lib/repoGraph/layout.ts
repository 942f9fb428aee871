/**
 * Places a RepoGraph on a page, top to bottom like the lessons' gitGraph diagrams (the legend:
 * src/pages/diagrams.mdx): one column per branch with its name on top in the branch's colour,
 * `main` first in the site's teal; one row per commit, oldest at the top; the commit's message on
 * its row, left of the columns; tags (and HEAD, MERGE_HEAD) on the commit's row, right of the
 * columns; a merge commit is a hollow dot.
 *
 * Labels can never meet by construction: messages are right-aligned in a band left of every
 * column, one per row; tags and HEAD sit in a band right of every column, one after the other on
 * their row; branch names sit above the first row, packed into as many header rows as it takes
 * for none to touch another. Lines only run between the bands, and their horizontal runs sit
 * between rows, clear of every dot. layout.test.ts measures all of it on random histories and on
 * the course's phases. Pure: no DOM, the text width is a conservative estimate.
 */
import {BRANCH_LABEL_PX, GIT_LABEL_PX} from '../mermaidConfig';
import {assignLanes, MAIN_BRANCH, type Lane} from './lanes';
import type {RepoGraph} from './types';

/** Sizes, in CSS px. Text sizes are the site's gitGraph ones (mermaidConfig.ts). */
export const GEOMETRY = {
  pad: 12,
  rowHeight: 30,
  laneWidth: 30,
  dotRadius: 7,
  /** A horizontal run of a line between two rows: this far below a fork's parent / above a merge. */
  run: 11,
  corner: 6,
  messagePx: GIT_LABEL_PX,
  messageHeight: 18,
  messagePadX: 4,
  /** A message wider than this (estimated) is cut with "…"; the text twin has it whole. */
  messageMaxWidth: 380,
  /** Gap between the message band or the tag band and the nearest dot. */
  bandGap: 12,
  badgePx: BRANCH_LABEL_PX,
  badgeHeight: 22,
  badgePadX: 7,
  /** Header rows of branch names, centre to centre, and the gap under the last. */
  badgeRowHeight: 28,
  headerGap: 12,
  badgeGap: 8,
  tagPx: GIT_LABEL_PX,
  tagHeight: 18,
  tagPadX: 5,
  tagGap: 6,
  ringRadius: 5,
} as const;

/** Palette slots (mermaidPalette.ts `branches`): 0 is main's and nobody else's. */
export const BRANCH_COLOURS = 8;

export interface LayoutOptions {
  mainBranch?: string;
  /** At most this many commits are drawn: the newest ones (a row each). */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS = 200;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedCommit {
  oid: string;
  row: number;
  lane: number;
  colour: number;
  cx: number;
  cy: number;
  merge: boolean;
  /** The subject as shown (maybe cut) and whole. */
  label: string;
  subject: string;
  labelBox: Box;
  /** Where the message's text ends (it is right-aligned) and its baseline. */
  textX: number;
  textY: number;
}

export interface PlacedLane {
  index: number;
  branch: string | null;
  mergedAs: string | null;
  column: number;
  x: number;
  colour: number;
}

export interface Line {
  d: string;
  colour: number | 'neutral';
  /** `lane`: parent to child; `guide`: a branch name down to its lane; `pointer`: a branch with no commit of its own; `leader`: a commit to its tags; `cut`: a parent above the drawn rows. */
  kind: 'lane' | 'guide' | 'pointer' | 'leader' | 'cut';
}

export interface RefLabel {
  kind: 'branch' | 'head' | 'tag' | 'merge-head';
  text: string;
  colour: number | 'neutral';
  box: Box;
  textX: number;
  textY: number;
  /** A tag's flag outline (pointed left); else the box's corners. */
  points: Array<[number, number]>;
}

export interface Ring {
  cx: number;
  cy: number;
  r: number;
  colour: number;
  branch: string;
}

export interface RepoLayout {
  width: number;
  height: number;
  lanes: PlacedLane[];
  commits: PlacedCommit[];
  lines: Line[];
  /** Branch names (header), HEAD, MERGE_HEAD and tags (right band). */
  refs: RefLabel[];
  /** Where a branch with no commit of its own points. */
  rings: Ring[];
  /** Commits not drawn (older than the newest `maxRows`). */
  hidden: number;
}

// ---------------------------------------------------------------------------------------------
// Text width

const NARROW = new Set("il.,:;!|'`ıj".split(''));
const SEMI = new Set(' frt()[]{}-/\\"'.split(''));
const WIDE = new Set('mwMW@%&'.split(''));

/**
 * A conservative estimate of a text's width in a sans-serif font (no font is measured): every
 * character gets at least its width in the usual system fonts; emoji and CJK a full em and more.
 */
export function estimateTextWidth(text: string, px: number): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0x2e80) em += 1.3;
    else if (code > 0x7f) em += 0.8;
    else if (NARROW.has(char)) em += 0.34;
    else if (SEMI.has(char)) em += 0.44;
    else if (WIDE.has(char)) em += 0.98;
    else if (char >= 'A' && char <= 'Z') em += 0.74;
    else if (char >= '0' && char <= '9') em += 0.6;
    else em += 0.6;
  }
  return Math.ceil(em * px);
}

/** `text`, cut with "…" to fit `max` px (estimated). */
export function fitText(text: string, px: number, max: number): string {
  if (estimateTextWidth(text, px) <= max) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (estimateTextWidth(chars.slice(0, mid).join('').trimEnd() + '…', px) <= max) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + '…';
}

// ---------------------------------------------------------------------------------------------

const corners = (box: Box): Array<[number, number]> => [
  [box.x, box.y],
  [box.x + box.width, box.y],
  [box.x + box.width, box.y + box.height],
  [box.x, box.y + box.height],
];

/** A line down from (x1, y1), across at `yRun`, down into (x2, y2), with rounded corners. */
function elbow(x1: number, y1: number, yRun: number, x2: number, y2: number): string {
  if (x1 === x2) return `M${x1} ${y1}V${y2}`;
  const r = Math.min(GEOMETRY.corner, Math.abs(x2 - x1) / 2, yRun - y1, y2 - yRun);
  const dir = x2 > x1 ? 1 : -1;
  return (
    `M${x1} ${y1}V${yRun - r}Q${x1} ${yRun} ${x1 + dir * r} ${yRun}` +
    `H${x2 - dir * r}Q${x2} ${yRun} ${x2} ${yRun + r}V${y2}`
  );
}

export function layoutRepoGraph(graph: RepoGraph, options: LayoutOptions = {}): RepoLayout {
  const G = GEOMETRY;
  const mainBranch = options.mainBranch ?? MAIN_BRANCH;
  const {order, row: fullRow, lanes, laneOf} = assignLanes(graph, mainBranch);
  const hidden = Math.max(0, order.length - (options.maxRows ?? DEFAULT_MAX_ROWS));
  const visible = order.slice(hidden);
  const rowOf = (oid: string): number | undefined => {
    const r = fullRow.get(oid);
    return r === undefined || r < hidden ? undefined : r - hidden;
  };
  const byOid = new Map(order.map((commit) => [commit.oid, commit]));

  // Rows each lane's column is busy for (children merging from it included), to share columns
  // between lanes without a branch, and which lanes are drawn at all.
  const spans = lanes.map((lane: Lane) => {
    const own = lane.commits.map(rowOf).filter((r): r is number => r !== undefined);
    if (own.length === 0) {
      const at = rowOf(lane.tip);
      return at === undefined ? undefined : {start: at, end: at};
    }
    let start = Math.min(...own);
    const parent = byOid.get(lane.commits[0]!)?.parents[0];
    const forkRow = parent === undefined ? undefined : rowOf(parent);
    if (forkRow !== undefined) start = Math.min(start, forkRow);
    let end = Math.max(...own);
    for (const commit of visible) {
      commit.parents.forEach((parent, i) => {
        if (i > 0 && laneOf.get(parent) === lane.index) end = Math.max(end, rowOf(commit.oid)!);
      });
    }
    return {start, end};
  });

  // Columns: every branch its own; lanes without a branch share free columns.
  const columnOf = new Map<number, number>();
  const sharedColumns: Array<{column: number; busy: Array<{start: number; end: number}>}> = [];
  let columns = 0;
  for (const lane of lanes) {
    const span = spans[lane.index];
    if (lane.branch === null) {
      if (!span) continue;
      const free = sharedColumns.find(({busy}) => busy.every((b) => span.start > b.end + 1 || span.end < b.start - 1));
      if (free) {
        free.busy.push(span);
        columnOf.set(lane.index, free.column);
        continue;
      }
      sharedColumns.push({column: columns, busy: [span]});
    }
    columnOf.set(lane.index, columns++);
  }
  let nextColour = 0;
  const placedLanes: PlacedLane[] = lanes
    .filter((lane) => columnOf.has(lane.index))
    .map((lane) => ({
      index: lane.index,
      branch: lane.branch,
      mergedAs: lane.mergedAs,
      column: columnOf.get(lane.index)!,
      x: columnOf.get(lane.index)! * G.laneWidth,
      colour: lane.branch === mainBranch ? 0 : 1 + (nextColour++ % (BRANCH_COLOURS - 1)),
    }));
  const laneById = new Map(placedLanes.map((lane) => [lane.index, lane]));
  const maxX = Math.max(0, ...placedLanes.map((lane) => lane.x));

  // Header: branch names centred on their column, each in the lowest header row where it
  // touches no other name.
  const headerRows: Array<Array<{from: number; to: number}>> = [];
  const badges: Array<{lane: PlacedLane; width: number; headerRow: number}> = [];
  for (const lane of placedLanes) {
    if (lane.branch === null) continue;
    const width = estimateTextWidth(lane.branch, G.badgePx) + 2 * G.badgePadX;
    const from = lane.x - width / 2;
    const to = lane.x + width / 2;
    let k = headerRows.findIndex((taken) => taken.every((t) => to + G.badgeGap <= t.from || from >= t.to + G.badgeGap));
    if (k === -1) k = headerRows.push([]) - 1;
    headerRows[k]!.push({from, to});
    badges.push({lane, width, headerRow: k});
  }
  const cutRoom = hidden > 0 ? G.rowHeight / 2 : 0;
  const top = G.pad + headerRows.length * G.badgeRowHeight + (headerRows.length > 0 ? G.headerGap : 0) + cutRoom;
  const y = (r: number) => top + r * G.rowHeight + G.rowHeight / 2;

  const refs: RefLabel[] = [];
  const lines: Line[] = [];
  const rings: Ring[] = [];
  const firstRowY = y(0);

  for (const {lane, width, headerRow} of badges) {
    const cy = top - cutRoom - G.headerGap - headerRow * G.badgeRowHeight - G.badgeHeight / 2;
    const box = {x: lane.x - width / 2, y: cy - G.badgeHeight / 2, width, height: G.badgeHeight};
    refs.push({kind: 'branch', text: lane.branch!, colour: lane.colour, box, textX: lane.x, textY: cy + G.badgePx * 0.36, points: corners(box)});
    // Down to the lane's first commit (the fork's line joins it there), or its ring.
    const source = lanes[lane.index]!;
    const own = source.commits.map(rowOf).filter((r): r is number => r !== undefined);
    const at = own.length > 0 ? Math.min(...own) : rowOf(source.tip);
    const lineTo = at !== undefined ? y(at) - (own.length > 0 ? G.dotRadius : G.ringRadius) : firstRowY - G.rowHeight / 2;
    lines.push({kind: 'guide', colour: lane.colour, d: `M${lane.x} ${box.y + box.height}V${lineTo}`});
  }

  // Commits, their messages and the lines to their parents.
  const commits: PlacedCommit[] = visible.map((commit, r) => {
    const lane = laneById.get(laneOf.get(commit.oid)!)!;
    const cy = y(r);
    const label = fitText(commit.subject, G.messagePx, G.messageMaxWidth);
    const width = estimateTextWidth(label, G.messagePx) + 2 * G.messagePadX;
    const right = -G.dotRadius - G.bandGap;
    const labelBox = {x: right - width, y: cy - G.messageHeight / 2, width, height: G.messageHeight};
    commit.parents.forEach((parent, i) => {
      const pr = rowOf(parent);
      const parentLane = laneById.get(laneOf.get(parent) ?? -1);
      if (pr === undefined || !parentLane) {
        if (i === 0 || byOid.has(parent))
          lines.push({kind: 'cut', colour: lane.colour, d: `M${lane.x} ${cy}V${top - cutRoom}`});
        return;
      }
      const py = y(pr);
      if (parentLane.x === lane.x) lines.push({kind: 'lane', colour: lane.colour, d: `M${lane.x} ${py}V${cy}`});
      else if (i === 0) lines.push({kind: 'lane', colour: lane.colour, d: elbow(parentLane.x, py, py + G.run, lane.x, cy)});
      else lines.push({kind: 'lane', colour: parentLane.colour, d: elbow(parentLane.x, py, cy - G.run, lane.x, cy)});
    });
    return {
      oid: commit.oid,
      row: r,
      lane: lane.index,
      colour: lane.colour,
      cx: lane.x,
      cy,
      merge: commit.parents.length > 1,
      label,
      subject: commit.subject,
      labelBox,
      textX: right - G.messagePadX,
      textY: cy + G.messagePx * 0.36,
    };
  });
  const commitAt = new Map(commits.map((commit) => [commit.oid, commit]));

  // Branches with no commit of their own: a ring in their column, on the row of their tip.
  for (const lane of placedLanes) {
    const source = lanes[lane.index]!;
    if (source.branch === null || source.commits.some((oid) => commitAt.has(oid))) continue;
    const tip = commitAt.get(source.tip);
    if (!tip) continue;
    rings.push({cx: lane.x, cy: tip.cy, r: G.ringRadius, colour: lane.colour, branch: source.branch});
    const dir = lane.x > tip.cx ? 1 : -1;
    lines.push({kind: 'pointer', colour: lane.colour, d: `M${tip.cx + dir * G.dotRadius} ${tip.cy}H${lane.x - dir * G.ringRadius}`});
  }

  // Right band: HEAD, MERGE_HEAD, then tags, on their commit's row.
  const bandX = maxX + G.dotRadius + G.bandGap;
  const bandItems = new Map<string, Array<Omit<RefLabel, 'box' | 'textX' | 'textY' | 'points'>>>();
  const addItem = (oid: string, item: Omit<RefLabel, 'box' | 'textX' | 'textY' | 'points'>) => {
    if (!commitAt.has(oid)) return;
    bandItems.set(oid, [...(bandItems.get(oid) ?? []), item]);
  };
  const head = graph.head;
  if (head?.oid) addItem(head.oid, {kind: 'head', text: head.branch === null ? 'HEAD' : `HEAD → ${head.branch}`, colour: 'neutral'});
  for (const oid of graph.merging ?? []) addItem(oid, {kind: 'merge-head', text: 'MERGE_HEAD', colour: 'neutral'});
  for (const tag of [...graph.tags].sort((a, b) => (a.name < b.name ? -1 : 1))) addItem(tag.oid, {kind: 'tag', text: tag.name, colour: 'neutral'});
  for (const [oid, items] of bandItems) {
    const commit = commitAt.get(oid)!;
    const cy = commit.cy;
    const ringsHere = rings.filter((ring) => ring.cy === cy).map((ring) => ring.cx + ring.r);
    const from = Math.max(commit.cx + G.dotRadius, ...ringsHere) + 3;
    if (bandX - 4 > from) lines.push({kind: 'leader', colour: 'neutral', d: `M${from} ${cy}H${bandX - 4}`});
    let x = bandX;
    for (const item of items) {
      if (item.kind === 'tag') {
        const h = G.tagHeight;
        const width = h / 2 + estimateTextWidth(item.text, G.tagPx) + 2 * G.tagPadX;
        const box = {x, y: cy - h / 2, width, height: h};
        const points: Array<[number, number]> = [
          [x, cy],
          [x + h / 2, cy - h / 2],
          [x + width, cy - h / 2],
          [x + width, cy + h / 2],
          [x + h / 2, cy + h / 2],
        ];
        refs.push({...item, box, textX: x + h / 2 + G.tagPadX, textY: cy + G.tagPx * 0.36, points});
        x += width + G.tagGap;
      } else {
        const width = estimateTextWidth(item.text, G.tagPx) + 2 * G.tagPadX;
        const box = {x, y: cy - G.tagHeight / 2, width, height: G.tagHeight};
        refs.push({...item, box, textX: x + G.tagPadX, textY: cy + G.tagPx * 0.36, points: corners(box)});
        x += width + G.tagGap;
      }
    }
  }

  // Everything shifted so that the leftmost box starts at the padding.
  const boxes = [...commits.map((c) => c.labelBox), ...refs.map((ref) => ref.box)];
  const minX = Math.min(-G.dotRadius, ...boxes.map((b) => b.x)) - G.pad;
  const right = Math.max(maxX + G.dotRadius, ...boxes.map((b) => b.x + b.width)) + G.pad;
  const dx = -minX;
  const shiftPath = (d: string) =>
    d.replace(/([MLHQ])([^MLHQV]*)/g, (_, op: string, args: string) => {
      const nums = args.trim().split(/\s+/).filter(Boolean).map(Number);
      const shifted = op === 'H' ? nums.map((n) => n + dx) : nums.map((n, i) => (i % 2 === 0 ? n + dx : n));
      return op + shifted.join(' ');
    });
  const shiftBox = (b: Box): Box => ({...b, x: b.x + dx});
  return {
    width: Math.ceil(right + dx),
    height: Math.ceil(y(Math.max(visible.length, 1) - 1) + G.rowHeight / 2 + G.pad),
    lanes: placedLanes.map((lane) => ({...lane, x: lane.x + dx})),
    commits: commits.map((c) => ({...c, cx: c.cx + dx, labelBox: shiftBox(c.labelBox), textX: c.textX + dx})),
    lines: lines.map((line) => ({...line, d: shiftPath(line.d)})),
    refs: refs.map((ref) => ({...ref, box: shiftBox(ref.box), textX: ref.textX + dx, points: ref.points.map(([px, py]) => [px + dx, py])})),
    rings: rings.map((ring) => ({...ring, cx: ring.cx + dx})),
    hidden,
  };
}
