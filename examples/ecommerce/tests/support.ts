/**
 * Helpers shared by the phase tests: a seeded Math.random, a console silencer, a way to watch
 * a promise settle while fake timers advance, and the 10,000-order success-rate statistics.
 */
import {vi, type MockInstance} from 'vitest';

// Captured when this module loads, before a test installs fake timers.
const realSetImmediate = globalThis.setImmediate;

/** mulberry32: seeded pseudo-random numbers in [0, 1) (the generator of the demo preload). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Math.random returns `values` in order; one call more fails the test. */
export function randomSequence(...values: number[]): MockInstance<() => number> {
  const spy = vi.spyOn(Math, 'random');
  for (const value of values) spy.mockReturnValueOnce(value);
  spy.mockImplementation(() => {
    throw new Error(`Math.random called more than the ${values.length} times the test expects`);
  });
  return spy;
}

/** Silences console.log and returns a function listing what was logged, one string per call. */
export function captureLog(): () => string[] {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
  return () => spy.mock.calls.map((args) => args.map(String).join(' '));
}

export interface Tracked<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
}

/** Records when (and how) a promise settles, so a test can check it at a given fake time. */
export function track<T>(promise: Promise<T>): Tracked<T> {
  const state: Tracked<T> = {settled: false};
  promise.then(
    (value) => Object.assign(state, {settled: true, value}),
    (error: unknown) => Object.assign(state, {settled: true, error}),
  );
  return state;
}

export interface PaymentResult {
  success: boolean;
}

type Callback = (...args: unknown[]) => void;

/**
 * Runs `start` with a minimal virtual clock standing in for setTimeout/clearTimeout, and
 * resolves once no timer is left. Timers fire in order of due time, then of creation (as in
 * Node); promise callbacks run between two due times.
 *
 * Why not vitest's fake timers here: they cost about 0.1 ms per timer on this machine and
 * scan every pending timer each time one fires, so 10,000 concurrent orders take minutes
 * (and 10,000 sequential ones seconds). The exact timings are pinned with vitest's fake timers
 * in the other tests; this clock only serves the 10,000-order statistics.
 */
export async function runWithVirtualClock<T>(start: () => T): Promise<T> {
  const saved = {setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout};
  const due = new Map<number, Array<{id: number; fire: () => void}>>();
  const live = new Set<number>();
  let now = 0;
  let nextId = 1;
  const virtualSetTimeout = (callback: Callback, delay?: number, ...args: unknown[]): number => {
    const id = nextId++;
    const at = now + Math.max(0, Number(delay) || 0);
    if (!due.has(at)) due.set(at, []);
    due.get(at)!.push({id, fire: () => callback(...args)});
    live.add(id);
    return id;
  };
  globalThis.setTimeout = virtualSetTimeout as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((id: number) => void live.delete(id)) as unknown as typeof clearTimeout;
  try {
    const result = start();
    while (live.size > 0) {
      now = Math.min(...due.keys());
      const timers = due.get(now)!;
      due.delete(now);
      for (const timer of timers) if (live.delete(timer.id)) timer.fire();
      await new Promise((resolve) => realSetImmediate(resolve));
    }
    return result;
  } finally {
    Object.assign(globalThis, saved);
  }
}

/**
 * Percentage of `count` orders (paid concurrently, `Math.random` seeded) that succeed. For
 * speed it runs on the virtual clock with plain stand-ins for Math.random and console.log
 * (no vitest spies recording 30,000 calls), all restored before it returns. Fails if a payment
 * is still pending once every timer has fired.
 */
export async function successRate(
  pay: (order: {id: string; total: number}) => Promise<PaymentResult>,
  count: number,
  seed: number,
): Promise<number> {
  const saved = {random: Math.random, log: console.log};
  Math.random = seededRandom(seed);
  console.log = () => {};
  try {
    let settled = 0;
    const payments = await runWithVirtualClock(() =>
      Array.from({length: count}, (_, i) =>
        pay({id: `ORD_${i + 1}`, total: 10 + (i % 90)}).finally(() => void settled++),
      ),
    );
    if (settled !== count) throw new Error(`${count - settled} payments still pending with no timer left`);
    const results = await Promise.all(payments);
    return (results.filter((result) => result.success).length / count) * 100;
  } finally {
    Math.random = saved.random;
    console.log = saved.log;
  }
}
