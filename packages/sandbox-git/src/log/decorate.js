/**
 * `--decorate`: the ref names `git log` prints next to a commit, a port of git 2.39's
 * log-tree.c (load_ref_decorations, add_ref_decoration, current_pointed_by_HEAD,
 * format_decorations_extended) with builtin/log.c's default decoration filter.
 *
 * Order: git walks the refs in name order, then HEAD, and prepends each name to its object's
 * list, so a commit's names print in reverse name order with HEAD first; when HEAD is a branch
 * that also points here, it prints once as `HEAD -> branch`.
 */

import {compareBytes} from './walk.js';

/** diff.c: the default colour of DIFF_COMMIT (the hash, the parentheses and commas). */
export const COLOR_COMMIT = '\x1b[33m';
export const COLOR_RESET = '\x1b[m';

/**
 * enum decoration_type, with log-tree.c's decoration_colors.
 * @typedef {'none' | 'local' | 'remote' | 'tag' | 'stash' | 'head'} DecorationType
 */

/** @type {Record<DecorationType, string>} */
const DECORATION_COLORS = {
  none: COLOR_RESET,
  local: '\x1b[1;32m',
  remote: '\x1b[1;31m',
  tag: '\x1b[1;33m',
  stash: '\x1b[1;35m',
  head: '\x1b[1;36m',
};

/**
 * @typedef {object} Decoration
 * @property {DecorationType} type
 * @property {string} name  The full ref name (`refs/heads/main`, `HEAD`).
 */

/**
 * A ref as the decorations need it.
 * @typedef {object} DecoratedRef
 * @property {string} name  `refs/heads/main`, `refs/tags/v1`...
 * @property {string} oid  The object it points at.
 * @property {string[]} [peeled]  For a tag object, the objects it peels to, outermost first
 *   (for an annotated tag of a commit: `[commitOid]`); each gets a `tag:` decoration.
 */

/**
 * @typedef {object} HeadState
 * @property {string | null} oid  The commit HEAD resolves to; null when the branch is unborn.
 * @property {string | null} branch  The ref HEAD points at when symbolic (`refs/heads/main`);
 *   null when detached.
 */

/**
 * @typedef {object} DecorationOptions
 * @property {boolean} [allRefs]  No default filter (`log.initialDecorationSet=all`): decorate
 *   every ref, not only HEAD, branches, remote branches, tags and the stash.
 */

/**
 * The decorations of every object, and what format_decorations needs to know about HEAD.
 * @typedef {object} Decorations
 * @property {Map<string, Decoration[]>} byOid  In print order.
 * @property {string | null} headBranch  HEAD's symbolic target, when it is a `refs/` name.
 */

/**
 * refs.c: ref_namespace, the namespaces that have a decoration type; exact names first as in
 * the table's order.
 * @type {{ref: string, exact: boolean, type: DecorationType}[]}
 */
const NAMESPACES = [
  {ref: 'HEAD', exact: true, type: 'head'},
  {ref: 'refs/heads/', exact: false, type: 'local'},
  {ref: 'refs/tags/', exact: false, type: 'tag'},
  {ref: 'refs/remotes/', exact: false, type: 'remote'},
  {ref: 'refs/stash', exact: true, type: 'stash'},
];

/**
 * builtin/log.c: set_default_decoration_filter includes the namespaces that have a decoration
 * (normalize_glob_ref drops the trailing '/', and a pattern without glob characters matches
 * the name itself or a name below it). refs/replace/ is among them, but its refs decorate the
 * replaced object as "replaced", which this port leaves out.
 * @param {string} refname
 */
function matchesDefaultFilter(refname) {
  for (const prefix of ['HEAD', 'refs/heads', 'refs/tags', 'refs/remotes', 'refs/stash']) {
    if (refname === prefix || refname.startsWith(`${prefix}/`)) return true;
  }
  return false;
}

/** @param {string} refname @returns {DecorationType} */
function decorationType(refname) {
  for (const ns of NAMESPACES) {
    if (ns.exact ? refname === ns.ref : refname.startsWith(ns.ref)) return ns.type;
  }
  return 'none';
}

/**
 * log-tree.c: load_ref_decorations (for_each_ref, then head_ref).
 * @param {DecoratedRef[]} refs  Any order: they are walked in name order as git does.
 * @param {HeadState} head
 * @param {DecorationOptions} [options]
 * @returns {Decorations}
 * @example
 * const decorations = loadDecorations(
 *   [{name: 'refs/heads/main', oid: c1}, {name: 'refs/tags/v1', oid: tagOid, peeled: [c1]}],
 *   {oid: c1, branch: 'refs/heads/main'},
 * );
 * formatDecorations(decorations, c1); // ' (HEAD -> main, tag: v1)'
 */
export function loadDecorations(refs, head, options = {}) {
  /** @type {Map<string, Decoration[]>} */
  const byOid = new Map();
  /** add_name_decoration: prepend. @param {DecorationType} type @param {string} name @param {string} oid */
  const add = (type, name, oid) => {
    const list = byOid.get(oid);
    if (list) list.unshift({type, name});
    else byOid.set(oid, [{type, name}]);
  };
  /** add_ref_decoration @param {string} name @param {string} oid @param {string[]} peeled */
  const addRef = (name, oid, peeled) => {
    if (!options.allRefs && !matchesDefaultFilter(name)) return;
    if (name.startsWith('refs/replace/')) return;
    add(decorationType(name), name, oid);
    for (const inner of peeled) add('tag', name, inner);
  };
  const sorted = [...refs].sort((a, b) => compareBytes(a.name, b.name));
  for (const ref of sorted) addRef(ref.name, ref.oid, ref.peeled ?? []);
  if (head.oid) addRef('HEAD', head.oid, []);
  return {
    byOid,
    headBranch: head.branch && head.branch.startsWith('refs/') ? head.branch : null,
  };
}

/**
 * @typedef {object} FormatDecorationOptions
 * @property {boolean} [full]  `--decorate=full`: full ref names.
 * @property {boolean} [color]
 * @property {string} [prefix]
 * @property {string} [separator]
 * @property {string} [suffix]
 */

/**
 * log-tree.c: format_decorations_extended. `' (HEAD -> main, tag: v1)'` by default (what
 * `--decorate` and `%d` print); `%D` is prefix '', suffix ''. Empty when nothing points here.
 * @param {Decorations} decorations
 * @param {string} oid
 * @param {FormatDecorationOptions} [options]
 * @returns {string}
 */
export function formatDecorations(decorations, oid, options = {}) {
  const list = decorations.byOid.get(oid);
  if (!list) return '';
  const {full = false, color = false, separator = ', ', suffix = ')'} = options;
  let prefix = options.prefix ?? ' (';
  const colorCommit = color ? COLOR_COMMIT : '';
  const colorReset = color ? COLOR_RESET : '';
  /** @param {DecorationType} type */
  const colorOf = (type) => (color ? DECORATION_COLORS[type] : '');
  /** show_name @param {Decoration} d */
  const showName = (d) => (full ? d.name : prettifyRefname(d.name));

  // current_pointed_by_HEAD: HEAD and the branch it points at are both here.
  /** @type {Decoration | null} */
  let currentAndHead = null;
  if (list.some((d) => d.type === 'head') && decorations.headBranch) {
    currentAndHead = list.find((d) => d.type === 'local' && d.name === decorations.headBranch) ?? null;
  }
  let out = '';
  for (const d of list) {
    if (d === currentAndHead) continue;
    out += colorCommit + prefix + colorReset + colorOf(d.type);
    if (d.type === 'tag') out += 'tag: ';
    out += showName(d);
    if (currentAndHead && d.type === 'head') {
      out += ` -> ${colorReset}${colorOf(currentAndHead.type)}${showName(currentAndHead)}`;
    }
    out += colorReset;
    prefix = separator;
  }
  return out + colorCommit + suffix + colorReset;
}

/**
 * refs.c: prettify_refname.
 * @param {string} name
 */
export function prettifyRefname(name) {
  for (const prefix of ['refs/heads/', 'refs/tags/', 'refs/remotes/']) {
    if (name.startsWith(prefix)) return name.slice(prefix.length);
  }
  return name;
}
