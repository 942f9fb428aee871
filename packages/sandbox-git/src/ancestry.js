/** Walking the commit graph: ancestors, "is merged into", merge bases (git's paint-down). */

/**
 * Every commit reachable from `starts`.
 * @param {import('./objects.js').ObjectStore} objects @param {string[]} starts
 */
export async function ancestors(objects, starts) {
  const seen = new Set();
  const stack = [...starts];
  while (stack.length > 0) {
    const oid = /** @type {string} */ (stack.pop());
    if (seen.has(oid)) continue;
    seen.add(oid);
    stack.push(...(await objects.commit(oid)).parents);
  }
  return seen;
}

/** Whether `ancestor` is reachable from `descendant` (or is it). @param {import('./objects.js').ObjectStore} objects @param {string} ancestor @param {string} descendant */
export async function isAncestor(objects, ancestor, descendant) {
  if (ancestor === descendant) return true;
  const seen = new Set();
  const stack = [descendant];
  while (stack.length > 0) {
    const oid = /** @type {string} */ (stack.pop());
    if (oid === ancestor) return true;
    if (seen.has(oid)) continue;
    seen.add(oid);
    stack.push(...(await objects.commit(oid)).parents);
  }
  return false;
}

/**
 * The best common ancestors of two commits (git merge-base --all): common ancestors that are
 * not ancestors of another common ancestor. Sorted by commit date, newest first, as git returns them.
 * @param {import('./objects.js').ObjectStore} objects @param {string} a @param {string} b
 */
export async function mergeBases(objects, a, b) {
  const ofA = await ancestors(objects, [a]);
  const ofB = await ancestors(objects, [b]);
  const common = [...ofA].filter((oid) => ofB.has(oid));
  /** @type {string[]} */
  const best = [];
  for (const candidate of common) {
    let dominated = false;
    for (const other of common) {
      if (other !== candidate && (await isAncestor(objects, candidate, other))) {
        dominated = true;
        break;
      }
    }
    if (!dominated) best.push(candidate);
  }
  /** @type {Map<string, number>} */
  const dates = new Map();
  for (const oid of best) dates.set(oid, (await objects.commit(oid)).committer.timestamp);
  return best.sort((x, y) => /** @type {number} */ (dates.get(y)) - /** @type {number} */ (dates.get(x)));
}
