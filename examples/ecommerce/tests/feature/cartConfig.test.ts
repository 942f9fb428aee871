// The shared cart settings every cart module (and every team) relies on.
// Runs inside a phase project: `../src/...` is the learner's repository.
import {describe, expect, it} from 'vitest';
// @ts-expect-error -- resolves only inside a phase project (tests/ next to src/), not here.
import config from '../src/cart/cartConfig.js';

describe('cartConfig (shared by every cart module)', () => {
  it('prices the shop in euros', () => {
    expect(config.currency).toBe('EUR');
  });

  it('limits the quantity of one item to a positive whole number', () => {
    expect(Number.isInteger(config.maxQuantityPerItem)).toBe(true);
    expect(config.maxQuantityPerItem).toBeGreaterThan(0);
  });

  it('caps percentage discounts between 1% and 100%', () => {
    expect(Number.isInteger(config.maxDiscountPercent)).toBe(true);
    expect(config.maxDiscountPercent).toBeGreaterThanOrEqual(1);
    expect(config.maxDiscountPercent).toBeLessThanOrEqual(100);
  });

  it('has no conflict markers left behind by a merge', async () => {
    const {readFileSync} = await import('node:fs');
    const source = readFileSync(new URL('../src/cart/cartConfig.js', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^(<{7}|={7}|>{7})/m);
  });
});
