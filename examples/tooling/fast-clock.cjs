/**
 * Node preload (`node --require ./examples/tooling/fast-clock.cjs script.js`) that runs the
 * course's demo scripts in milliseconds and deterministically, without changing the code a
 * reader sees: every setTimeout delay is scaled down (order between timers is kept) and
 * Math.random becomes a seeded generator.
 *
 *   COURSE_TIME_SCALE   factor applied to timer delays (default 0.001: 5 s -> 5 ms)
 *   COURSE_RANDOM_SEED  seed of Math.random (default 42)
 */
'use strict';

const scale = Number(process.env.COURSE_TIME_SCALE ?? '0.001');
const seed = Number(process.env.COURSE_RANDOM_SEED ?? '42');
if (!Number.isFinite(scale) || scale < 0) {
  throw new Error(`COURSE_TIME_SCALE must be a number >= 0, got "${process.env.COURSE_TIME_SCALE}"`);
}
if (!Number.isInteger(seed)) {
  throw new Error(`COURSE_RANDOM_SEED must be an integer, got "${process.env.COURSE_RANDOM_SEED}"`);
}

const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function scaledSetTimeout(callback, delay, ...args) {
  return realSetTimeout(callback, Math.round((Number(delay) || 0) * scale), ...args);
};

/** mulberry32: small, fast, good enough to stand in for Math.random in demos. */
function mulberry32(state) {
  return function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
Math.random = mulberry32(seed);
