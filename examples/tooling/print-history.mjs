#!/usr/bin/env node
/**
 * Prints the repository's branch graph like `git log --graph --oneline --all --decorate`
 * (WebContainers have no `git` binary; this reads `.git` with isomorphic-git). Run by
 * `npm run history`; recreates the history first when `.git` is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';

/** Commits reachable from `tips`, children before parents (git's --topo-order, simplified). */
function topoOrder(commits, tips) {
  const children = new Map();
  for (const [oid, c] of commits) {
    for (const p of c.parents) children.set(p, (children.get(p) ?? 0) + 1);
  }
  const order = [];
  const pending = new Map(children);
  // Depth-first from the tips, like git: follow a line of history before switching lines.
  const stack = [...tips].reverse().filter((oid) => !pending.get(oid));
  const seen = new Set();
  while (stack.length > 0) {
    const oid = stack.pop();
    if (seen.has(oid)) continue;
    seen.add(oid);
    order.push(oid);
    const parents = commits.get(oid).parents;
    // Parents pushed in order: the last one is walked first, as git's topo sort does.
    for (const p of parents) {
      const left = (pending.get(p) ?? 0) - 1;
      pending.set(p, left);
      if (left === 0) stack.push(p);
    }
  }
  return order;
}

/** Renders lanes: `*` for the commit, `|` for other lines, `\` for a merge, `/` when lines join. */
export function renderGraph(commits, order, label) {
  const lines = [];
  let columns = [];
  for (const oid of order) {
    let col = columns.indexOf(oid);
    if (col === -1) {
      columns.push(oid);
      col = columns.length - 1;
    }
    const parents = commits.get(oid).parents;
    const row = columns.map((c, i) => (i === col ? '*' : '|')).join(' ');
    const width = parents.length > 1 ? columns.length + 1 : columns.length;
    lines.push(`${row.padEnd(width * 2 - 1)} ${label(oid)}`);
    // Lines that were waiting for this commit end here.
    const next = [];
    columns.forEach((c, i) => {
      if (i === col) {
        if (parents[0] !== undefined) next.push(parents[0]);
        if (parents[1] !== undefined) next.push(parents[1]);
      } else if (c !== oid) {
        next.push(c);
      }
    });
    if (parents.length > 1) {
      lines.push(columns.map((_, i) => (i === col ? '|\\' : '|')).join(' ').padEnd(width * 2));
    }
    // Join lanes that now wait for the same commit: like git, the right one moves left one
    // column per line (`/`) until it meets the other.
    columns = next;
    for (;;) {
      const k = columns.findIndex((c, i) => columns.indexOf(c) !== i);
      if (k === -1) break;
      const j = columns.indexOf(columns[k]);
      const rest = columns.filter((_, i) => i !== k);
      for (let p = k; p > j; p -= 1) {
        const row2 = rest.map((_, i) => `|${i === p - 1 ? '/' : ' '}`).join('');
        lines.push(row2.padEnd(columns.length * 2));
      }
      columns = rest;
    }
  }
  return lines;
}

export async function printHistory(dir) {
  const gitdir = path.join(dir, '.git');
  const base = {fs, dir, gitdir};
  const branches = await git.listBranches(base);
  const tags = await git.listTags(base);
  const head = await git.currentBranch(base);
  const refs = [];
  for (const b of branches) refs.push({full: `refs/heads/${b}`, name: b, oid: await git.resolveRef({...base, ref: b})});
  for (const t of tags) {
    let oid = await git.resolveRef({...base, ref: `refs/tags/${t}`});
    const {type} = await git.readObject({...base, oid, format: 'parsed'});
    if (type === 'tag') oid = (await git.readTag({...base, oid})).tag.object;
    refs.push({full: `refs/tags/${t}`, name: `tag: ${t}`, oid});
  }
  const commits = new Map();
  const queue = refs.map((r) => r.oid);
  while (queue.length > 0) {
    const oid = queue.shift();
    if (commits.has(oid)) continue;
    const {commit} = await git.readCommit({...base, oid});
    commits.set(oid, {parents: commit.parent, subject: commit.message.split('\n')[0], time: commit.committer.timestamp});
    queue.push(...commit.parent);
  }
  const headOid = head ? await git.resolveRef({...base, ref: 'HEAD'}) : undefined;
  // Tips newest first, as git's --all walk starts from every ref.
  const tips = [...new Set([headOid, ...refs.map((r) => r.oid)].filter(Boolean))];
  const order = topoOrder(commits, tips);
  const label = (oid) => {
    // git lists decorations most recent ref name first: tags before branches, HEAD first of all.
    const names = refs
      .filter((r) => r.oid === oid && r.name !== head)
      .sort((a, b) => (a.full < b.full ? 1 : -1))
      .map((r) => r.name);
    if (oid === headOid) names.unshift(head ? `HEAD -> ${head}` : 'HEAD');
    const decoration = names.length > 0 ? ` (${names.join(', ')})` : '';
    return `${oid.slice(0, 7)}${decoration} ${commits.get(oid).subject}`;
  };
  return renderGraph(commits, order, label).join('\n') + '\n';
}

if (process.argv[1]?.endsWith('print-history.mjs')) {
  const dir = process.cwd();
  if (!fs.existsSync(path.join(dir, '.git'))) {
    const {replayHistory} = await import('./replay-history.mjs');
    await replayHistory(dir);
  }
  process.stdout.write(await printHistory(dir));
}
