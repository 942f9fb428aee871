/**
 * `git log --graph`: a line-for-line port of git 2.39's graph.c (the renderer that draws the
 * branch lines to the left of each commit). Keep it close to the C: every odd-looking branch
 * in the output (`_` runs, `\` continued from a post-merge line, skewed merges) comes from a
 * state that only the same state machine reproduces byte for byte.
 *
 * The renderer is fed one commit at a time (`update`, git's graph_update) and asked for lines
 * (`nextLine`, graph_next_line) until the commit is finished; log-tree.js interleaves those
 * lines with the commit's text as log-tree.c does.
 */

import {parseColor} from './format.js';

/** color.c: column_colors_ansi, the colours of the graph's columns; the last one is the reset. */
export const COLUMN_COLORS_ANSI = [
  '\x1b[31m',
  '\x1b[32m',
  '\x1b[33m',
  '\x1b[34m',
  '\x1b[35m',
  '\x1b[36m',
  '\x1b[1;31m',
  '\x1b[1;32m',
  '\x1b[1;33m',
  '\x1b[1;34m',
  '\x1b[1;35m',
  '\x1b[1;36m',
  '\x1b[m',
];

/**
 * graph.c: parse_graph_colors_config: `log.graphColors` (comma-separated colours, an invalid one
 * skipped, as git skips it with a warning) as the column colours, the reset last.
 * @param {string} value
 * @returns {string[]}
 */
export function parseGraphColors(value) {
  /** @type {string[]} */
  const colors = [];
  for (const part of value.split(',')) {
    const color = parseColor(part);
    if (color !== null) colors.push(color);
  }
  colors.push(COLUMN_COLORS_ANSI[COLUMN_COLORS_ANSI.length - 1] ?? '\x1b[m');
  return colors;
}

// enum graph_state
const GRAPH_PADDING = 0;
const GRAPH_SKIP = 1;
const GRAPH_PRE_COMMIT = 2;
const GRAPH_COMMIT = 3;
const GRAPH_POST_MERGE = 4;
const GRAPH_COLLAPSING = 5;

/**
 * struct column: the commit a branch line leads to, and its colour (an index into the colours).
 * @typedef {object} Column
 * @property {string} commit
 * @property {number} color
 */

/** graph.c: struct graph_line, a line and its width on screen (colour codes take none). */
class GraphLine {
  /** @param {string[]} colors */
  constructor(colors) {
    this.buf = '';
    this.width = 0;
    this.colors = colors;
  }

  /** @param {string} c */
  addch(c) {
    this.buf += c;
    this.width++;
  }

  /** @param {string} c @param {number} n */
  addchars(c, n) {
    if (n <= 0) return;
    this.buf += c.repeat(n);
    this.width += n;
  }

  /** @param {string} s */
  addstr(s) {
    this.buf += s;
    this.width += s.length;
  }

  /** graph_line_write_column @param {Column} c @param {string} ch */
  writeColumn(c, ch) {
    const max = this.colors.length - 1;
    if (c.color < max) this.buf += this.colors[c.color];
    this.addch(ch);
    if (c.color < max) this.buf += this.colors[max];
  }
}

/**
 * @typedef {object} GraphOptions
 * @property {boolean} [color]  Colour the columns as `git -c color.ui=always log --graph` does.
 * @property {string[]} [columnColors]  `log.graphColors` as escape codes, the reset last;
 *   COLUMN_COLORS_ANSI by default.
 * @property {string} [commitMark]  The commit's character (revision.c: get_revision_mark): `*`.
 */

export class GitGraph {
  /** @param {GraphOptions} [options] */
  constructor(options = {}) {
    /** @type {string[]} */
    this.colors = options.columnColors ?? COLUMN_COLORS_ANSI;
    this.useColor = options.color ?? false;
    this.commitMark = options.commitMark ?? '*';
    /** @type {string | null} */
    this.commit = null;
    /** @type {string[]} The interesting parents of the current commit. */
    this.parents = [];
    this.numParents = 0;
    this.width = 0;
    this.expansionRow = 0;
    this.state = GRAPH_PADDING;
    this.prevState = GRAPH_PADDING;
    this.commitIndex = 0;
    this.prevCommitIndex = 0;
    this.mergeLayout = 0;
    this.edgesAdded = 0;
    this.prevEdgesAdded = 0;
    this.numColumns = 0;
    this.numNewColumns = 0;
    this.mappingSize = 0;
    /** @type {Column[]} */
    this.columns = [];
    /** @type {Column[]} */
    this.newColumns = [];
    /** @type {number[]} */
    this.mapping = [];
    /** @type {number[]} */
    this.oldMapping = [];
    // graph_init: start at the last colour, since the first commit increments it to 0.
    this.defaultColumnColor = this.colors.length - 1 - 1;
  }

  /** graph_update_state @param {number} s */
  updateState(s) {
    this.prevState = this.state;
    this.state = s;
  }

  /** graph_get_current_column_color */
  currentColumnColor() {
    if (!this.useColor) return this.colors.length - 1;
    return this.defaultColumnColor;
  }

  /** graph_increment_column_color */
  incrementColumnColor() {
    this.defaultColumnColor = (this.defaultColumnColor + 1) % (this.colors.length - 1);
  }

  /** graph_find_commit_color @param {string} commit */
  findCommitColor(commit) {
    for (let i = 0; i < this.numColumns; i++) {
      const col = /** @type {Column} */ (this.columns[i]);
      if (col.commit === commit) return col.color;
    }
    return this.currentColumnColor();
  }

  /** graph_find_new_column_by_commit @param {string} commit */
  findNewColumnByCommit(commit) {
    for (let i = 0; i < this.numNewColumns; i++) {
      if (/** @type {Column} */ (this.newColumns[i]).commit === commit) return i;
    }
    return -1;
  }

  /** @param {number} i */
  map(i) {
    const v = this.mapping[i];
    return v === undefined ? -1 : v;
  }

  /**
   * graph_insert_into_new_columns
   * @param {string} commit
   * @param {number} idx
   */
  insertIntoNewColumns(commit, idx) {
    let i = this.findNewColumnByCommit(commit);
    let mappingIdx;
    // If the commit is not already in the new columns, add it in the last column.
    if (i < 0) {
      i = this.numNewColumns++;
      this.newColumns[i] = {commit, color: this.findCommitColor(commit)};
    }
    if (this.numParents > 1 && idx > -1 && this.mergeLayout === -1) {
      // The first parent of a merge chooses the merge line's layout from whether the parent
      // is in a column to the left of the merge.
      const dist = idx - i;
      const shift = dist > 1 ? 2 * dist - 3 : 1;
      this.mergeLayout = dist > 0 ? 0 : 1;
      this.edgesAdded = this.numParents + this.mergeLayout - 2;
      mappingIdx = this.width + (this.mergeLayout - 1) * shift;
      this.width += 2 * this.mergeLayout;
    } else if (this.edgesAdded > 0 && i === this.map(this.width - 2)) {
      // A merge added columns but this parent was found in the last existing column: let the
      // two edges join at once.
      mappingIdx = this.width - 2;
      this.edgesAdded = -1;
    } else {
      mappingIdx = this.width;
      this.width += 2;
    }
    this.mapping[mappingIdx] = i;
  }

  /** graph_update_columns */
  updateColumns() {
    // Swap columns and new columns: the old state becomes the storage of the next one.
    this.columns = this.newColumns;
    this.numColumns = this.numNewColumns;
    this.newColumns = [];
    this.numNewColumns = 0;

    const maxNewColumns = this.numColumns + this.numParents;
    this.mappingSize = 2 * maxNewColumns;
    for (let i = 0; i < this.mappingSize; i++) this.mapping[i] = -1;

    this.width = 0;
    this.prevEdgesAdded = this.edgesAdded;
    this.edgesAdded = 0;

    let seenThis = false;
    let isCommitInColumns = true;
    for (let i = 0; i <= this.numColumns; i++) {
      let colCommit;
      if (i === this.numColumns) {
        if (seenThis) break;
        isCommitInColumns = false;
        colCommit = this.commit;
      } else {
        colCommit = /** @type {Column} */ (this.columns[i]).commit;
      }
      if (colCommit === this.commit) {
        seenThis = true;
        this.commitIndex = i;
        this.mergeLayout = -1;
        for (const parent of this.parents) {
          // A merge, or the start of a new childless column, takes the next colour.
          if (this.numParents > 1 || !isCommitInColumns) this.incrementColumnColor();
          this.insertIntoNewColumns(parent, i);
        }
        // The commit always takes at least 2 spaces.
        if (this.numParents === 0) this.width += 2;
      } else {
        this.insertIntoNewColumns(/** @type {string} */ (colCommit), -1);
      }
    }
    // Shrink the mapping to the minimum necessary.
    while (this.mappingSize > 1 && this.map(this.mappingSize - 1) < 0) this.mappingSize--;
  }

  /** graph_num_dashed_parents */
  numDashedParents() {
    return this.numParents + this.mergeLayout - 3;
  }

  /** graph_num_expansion_rows */
  numExpansionRows() {
    return this.numDashedParents() * 2;
  }

  /** graph_needs_pre_commit_line */
  needsPreCommitLine() {
    return (
      this.numParents >= 3 &&
      this.commitIndex < this.numColumns - 1 &&
      this.expansionRow < this.numExpansionRows()
    );
  }

  /**
   * graph_update: the next commit, with the parents the graph draws (the interesting ones;
   * only the first with `--first-parent`; see walk.js `graphParents`).
   * @param {string} commit
   * @param {string[]} parents
   */
  update(commit, parents) {
    this.commit = commit;
    this.parents = parents;
    this.numParents = parents.length;
    this.prevCommitIndex = this.commitIndex;
    this.updateColumns();
    this.expansionRow = 0;
    // No graph_update_state here: no line was printed for the state being replaced. A
    // previous commit that never got to PADDING is followed by a "..." line.
    if (this.state !== GRAPH_PADDING) this.state = GRAPH_SKIP;
    else if (this.needsPreCommitLine()) this.state = GRAPH_PRE_COMMIT;
    else this.state = GRAPH_COMMIT;
  }

  /** graph_is_mapping_correct */
  isMappingCorrect() {
    // Each entry is at its target, or 1 greater (a '/' was printed there).
    for (let i = 0; i < this.mappingSize; i++) {
      const target = this.map(i);
      if (target < 0) continue;
      if (target === i >> 1) continue;
      return false;
    }
    return true;
  }

  /** graph_pad_horizontally @param {GraphLine} line */
  padHorizontally(line) {
    if (line.width < this.width) line.addchars(' ', this.width - line.width);
  }

  /** graph_output_padding_line @param {GraphLine} line */
  outputPaddingLine(line) {
    for (let i = 0; i < this.numNewColumns; i++) {
      line.writeColumn(/** @type {Column} */ (this.newColumns[i]), '|');
      line.addch(' ');
    }
  }

  /** graph_output_skip_line @param {GraphLine} line */
  outputSkipLine(line) {
    line.addstr('...');
    if (this.needsPreCommitLine()) this.updateState(GRAPH_PRE_COMMIT);
    else this.updateState(GRAPH_COMMIT);
  }

  /** graph_output_pre_commit_line @param {GraphLine} line */
  outputPreCommitLine(line) {
    // Widens the space around an octopus merge: 2 rows for every parent over 2.
    let seenThis = false;
    for (let i = 0; i < this.numColumns; i++) {
      const col = /** @type {Column} */ (this.columns[i]);
      if (col.commit === this.commit) {
        seenThis = true;
        line.writeColumn(col, '|');
        line.addchars(' ', this.expansionRow);
      } else if (seenThis && this.expansionRow === 0) {
        // After a post-merge line, the lines right of the previous commit were '\': go on.
        if (this.prevState === GRAPH_POST_MERGE && this.prevCommitIndex < i) line.writeColumn(col, '\\');
        else line.writeColumn(col, '|');
      } else if (seenThis && this.expansionRow > 0) {
        line.writeColumn(col, '\\');
      } else {
        line.writeColumn(col, '|');
      }
      line.addch(' ');
    }
    this.expansionRow++;
    if (!this.needsPreCommitLine()) this.updateState(GRAPH_COMMIT);
  }

  /** graph_output_commit_char @param {GraphLine} line */
  outputCommitChar(line) {
    line.addstr(this.commitMark);
  }

  /** graph_draw_octopus_merge @param {GraphLine} line */
  drawOctopusMerge(line) {
    // The dashes take the colour of the column each edge collapses to, found through the
    // mapping from 2 places right of the merge.
    const dashedParents = this.numDashedParents();
    for (let i = 0; i < dashedParents; i++) {
      const j = this.map((this.commitIndex + i + 2) * 2);
      const col = /** @type {Column} */ (this.newColumns[j]);
      line.writeColumn(col, '-');
      line.writeColumn(col, i === dashedParents - 1 ? '.' : '-');
    }
  }

  /** graph_output_commit_line @param {GraphLine} line */
  outputCommitLine(line) {
    let seenThis = false;
    // Up to and including numColumns: the commit may be in none of the columns yet.
    for (let i = 0; i <= this.numColumns; i++) {
      const col = this.columns[i];
      let colCommit;
      if (i === this.numColumns) {
        if (seenThis) break;
        colCommit = this.commit;
      } else {
        colCommit = /** @type {Column} */ (col).commit;
      }
      if (colCommit === this.commit) {
        seenThis = true;
        this.outputCommitChar(line);
        if (this.numParents > 2) this.drawOctopusMerge(line);
      } else if (seenThis && this.edgesAdded > 1) {
        line.writeColumn(/** @type {Column} */ (col), '\\');
      } else if (seenThis && this.edgesAdded === 1) {
        // A right-skewed 2-way merge or a left-skewed 3-way merge: the first line of the
        // commit, so continue a '\' of the previous post-merge line.
        if (this.prevState === GRAPH_POST_MERGE && this.prevEdgesAdded > 0 && this.prevCommitIndex < i) {
          line.writeColumn(/** @type {Column} */ (col), '\\');
        } else {
          line.writeColumn(/** @type {Column} */ (col), '|');
        }
      } else if (
        this.prevState === GRAPH_COLLAPSING &&
        this.oldMapping[2 * i + 1] === i &&
        this.map(2 * i) < i
      ) {
        line.writeColumn(/** @type {Column} */ (col), '/');
      } else {
        line.writeColumn(/** @type {Column} */ (col), '|');
      }
      line.addch(' ');
    }
    if (this.numParents > 1) this.updateState(GRAPH_POST_MERGE);
    else if (this.isMappingCorrect()) this.updateState(GRAPH_PADDING);
    else this.updateState(GRAPH_COLLAPSING);
  }

  /** graph_output_post_merge_line @param {GraphLine} line */
  outputPostMergeLine(line) {
    const mergeChars = ['/', '|', '\\'];
    let seenThis = false;
    const firstParent = this.parents[0];
    /** @type {Column | null} */
    let parentCol = null;
    for (let i = 0; i <= this.numColumns; i++) {
      const col = this.columns[i];
      let colCommit;
      if (i === this.numColumns) {
        if (seenThis) break;
        colCommit = this.commit;
      } else {
        colCommit = /** @type {Column} */ (col).commit;
      }
      if (colCommit === this.commit) {
        // The edges to the parents take the parents' columns in the new columns.
        let idx = this.mergeLayout;
        seenThis = true;
        for (let j = 0; j < this.numParents; j++) {
          const parColumn = this.findNewColumnByCommit(/** @type {string} */ (this.parents[j]));
          const c = /** @type {string} */ (mergeChars[idx]);
          line.writeColumn(/** @type {Column} */ (this.newColumns[parColumn]), c);
          if (idx === 2) {
            if (this.edgesAdded > 0 || j < this.numParents - 1) line.addch(' ');
          } else {
            idx++;
          }
        }
        if (this.edgesAdded === 0) line.addch(' ');
      } else if (seenThis) {
        if (this.edgesAdded > 0) line.writeColumn(/** @type {Column} */ (col), '\\');
        else line.writeColumn(/** @type {Column} */ (col), '|');
        line.addch(' ');
      } else {
        line.writeColumn(/** @type {Column} */ (col), '|');
        if (this.mergeLayout !== 0 || i !== this.commitIndex - 1) {
          if (parentCol) line.writeColumn(parentCol, '_');
          else line.addch(' ');
        }
      }
      if (colCommit === firstParent && col) parentCol = col;
    }
    if (this.isMappingCorrect()) this.updateState(GRAPH_PADDING);
    else this.updateState(GRAPH_COLLAPSING);
  }

  /** graph_output_collapsing_line @param {GraphLine} line */
  outputCollapsingLine(line) {
    let usedHorizontal = false;
    let horizontalEdge = -1;
    let horizontalEdgeTarget = -1;

    // Swap the mapping and the old mapping, then clear the mapping.
    const swap = this.mapping;
    this.mapping = this.oldMapping;
    this.oldMapping = swap;
    for (let i = 0; i < this.mappingSize; i++) this.mapping[i] = -1;

    for (let i = 0; i < this.mappingSize; i++) {
      const target = this.oldMapping[i] ?? -1;
      if (target < 0) continue;
      // Branches only ever move left (update_columns inserts the leftmost column first).
      if (target * 2 === i) {
        // Already in the right place.
        this.mapping[i] = target;
      } else if (this.map(i - 1) < 0) {
        // Nothing to the left: move left by one, and be the horizontal edge if there is none.
        this.mapping[i - 1] = target;
        if (horizontalEdge === -1) {
          horizontalEdge = i;
          horizontalEdgeTarget = target;
          // target * 2 + 3 is the screen column of the first horizontal line.
          for (let j = target * 2 + 3; j < i - 2; j += 2) this.mapping[j] = target;
        }
      } else if (this.map(i - 1) === target) {
        // The line to the left goes to the same parent: merge with it.
      } else {
        // A line to the left goes elsewhere: cross over it, and be the horizontal edge.
        this.mapping[i - 2] = target;
        if (horizontalEdge === -1) {
          horizontalEdgeTarget = target;
          horizontalEdge = i - 1;
          for (let j = target * 2 + 3; j < i - 2; j += 2) this.mapping[j] = target;
        }
      }
    }

    // Copy the current mapping into the old mapping.
    for (let i = 0; i < this.mappingSize; i++) this.oldMapping[i] = this.map(i);

    // The new mapping may be 1 smaller than the old one.
    if (this.map(this.mappingSize - 1) < 0) this.mappingSize--;

    for (let i = 0; i < this.mappingSize; i++) {
      const target = this.map(i);
      if (target < 0) {
        line.addch(' ');
      } else if (target * 2 === i) {
        line.writeColumn(/** @type {Column} */ (this.newColumns[target]), '|');
      } else if (target === horizontalEdgeTarget && i !== horizontalEdge - 1) {
        // All but the first segment of the horizontal run stop here.
        if (i !== target * 2 + 3) this.mapping[i] = -1;
        usedHorizontal = true;
        line.writeColumn(/** @type {Column} */ (this.newColumns[target]), '_');
      } else {
        if (usedHorizontal && i < horizontalEdge) this.mapping[i] = -1;
        line.writeColumn(/** @type {Column} */ (this.newColumns[target]), '/');
      }
    }
    if (this.isMappingCorrect()) this.updateState(GRAPH_PADDING);
  }

  /**
   * graph_next_line: the next line of the graph for the current commit, padded to the
   * graph's width.
   * @returns {{line: string, commitLine: boolean}}  `commitLine`: this is the commit's line.
   */
  nextLine() {
    const line = new GraphLine(this.colors);
    let commitLine = false;
    if (this.commit === null) return {line: '', commitLine: false};
    switch (this.state) {
      case GRAPH_PADDING:
        this.outputPaddingLine(line);
        break;
      case GRAPH_SKIP:
        this.outputSkipLine(line);
        break;
      case GRAPH_PRE_COMMIT:
        this.outputPreCommitLine(line);
        break;
      case GRAPH_COMMIT:
        this.outputCommitLine(line);
        commitLine = true;
        break;
      case GRAPH_POST_MERGE:
        this.outputPostMergeLine(line);
        break;
      case GRAPH_COLLAPSING:
        this.outputCollapsingLine(line);
        break;
    }
    this.padHorizontally(line);
    return {line: line.buf, commitLine};
  }

  /**
   * graph_padding_line: a line that never prints the commit: before the commit line, the
   * columns extended downwards.
   * @returns {string}
   */
  paddingLine() {
    if (this.state !== GRAPH_COMMIT) return this.nextLine().line;
    const line = new GraphLine(this.colors);
    for (let i = 0; i < this.numColumns; i++) {
      const col = /** @type {Column} */ (this.columns[i]);
      line.writeColumn(col, '|');
      if (col.commit === this.commit && this.numParents > 2) line.addchars(' ', (this.numParents - 2) * 2);
      else line.addch(' ');
    }
    this.padHorizontally(line);
    this.prevState = GRAPH_PADDING;
    return line.buf;
  }

  /** graph_is_commit_finished */
  isCommitFinished() {
    return this.state === GRAPH_PADDING;
  }
}
