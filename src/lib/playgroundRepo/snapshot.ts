/**
 * The playground's file system as a value IndexedDB can store (structured clone: a list of the
 * engine's MemoryFs nodes, bytes as Uint8Array), and back. The learner's repository survives a
 * reload this way, per phase and locale.
 */
import {MemoryFs} from '../../../packages/sandbox-git/src/index.js';

type MemoryNode = MemoryFs['nodes'] extends Map<string, infer N> ? N : never;

export interface PlaygroundSnapshot {
  /** The asset's version it was seeded from. */
  version: string;
  cwd: string;
  history: string[];
  nodes: [string, MemoryNode][];
}

export function takeSnapshot(fs: MemoryFs, state: Omit<PlaygroundSnapshot, 'nodes'>): PlaygroundSnapshot {
  return {...state, history: [...state.history], nodes: [...fs.nodes].map(([path, node]) => [path, {...node, ...(node.data ? {data: node.data.slice()} : {})}])};
}

export function restoreSnapshot(snapshot: PlaygroundSnapshot): MemoryFs {
  const fs = new MemoryFs();
  fs.nodes = new Map(snapshot.nodes.map(([path, node]) => [path, {...node}]));
  fs.nextIno = Math.max(0, ...snapshot.nodes.map(([, node]) => node.ino)) + 1;
  return fs;
}

/** Whether a stored value is a snapshot this code can restore (anything else is ignored). */
export function isSnapshot(value: unknown): value is PlaygroundSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<PlaygroundSnapshot>;
  return typeof v.version === 'string' && typeof v.cwd === 'string' && Array.isArray(v.history) && Array.isArray(v.nodes);
}
