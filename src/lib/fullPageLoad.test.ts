import {describe, expect, it} from 'vitest';
import {loadInFull, RETRY_AFTER_MS, type FullLoadHost} from './fullPageLoad';

function host(url: string, now: number, stored: {value: string | null}, loads: string[], writable = true): FullLoadHost {
  return {
    url,
    now,
    read: () => stored.value,
    write: (value) => {
      if (!writable) throw new Error('no storage');
      stored.value = value;
    },
    load: () => loads.push(url),
  };
}

describe('loadInFull', () => {
  it('loads a URL in full once, then not again within the retry delay, then again after it', () => {
    const stored = {value: null as string | null};
    const loads: string[] = [];
    expect(loadInFull(host('/a', 1000, stored, loads))).toBe(true);
    expect(loadInFull(host('/a', 2000, stored, loads))).toBe(false);
    expect(loadInFull(host('/b', 2000, stored, loads))).toBe(true);
    expect(loadInFull(host('/a', 2000 + RETRY_AFTER_MS, stored, loads))).toBe(true);
    expect(loads).toEqual(['/a', '/b', '/a']);
    // Old entries are dropped.
    expect(Object.keys(JSON.parse(stored.value!))).toEqual(['/a']);
  });

  it('does not load without storage to remember it (no loop), nor trip on unreadable storage', () => {
    const loads: string[] = [];
    expect(loadInFull(host('/a', 0, {value: null}, loads, false))).toBe(false);
    expect(loadInFull(host('/a', 0, {value: 'not json'}, loads))).toBe(true);
    expect(loads).toEqual(['/a']);
  });
});
