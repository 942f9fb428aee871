// Integer cents: why the cart never shows 0.30000000000000004.
import {describe, expect, it} from 'vitest';
// @ts-expect-error -- resolves only inside a phase project (tests/ next to src/), not here.
import money from '../src/cart/money.js';

const {toCents, formatCents} = money;

describe('toCents', () => {
  it('adds 0.1 and 0.2 exactly, where floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toCents(0.1) + toCents(0.2)).toBe(toCents(0.3));
    expect(toCents(0.1) + toCents(0.2)).toBe(30);
  });

  it('recovers the cents of prices that floating point stores inexactly', () => {
    expect(19.99 * 100).not.toBe(1999);
    expect(toCents(19.99)).toBe(1999);
    expect(toCents(1.15)).toBe(115);
    expect(toCents(0)).toBe(0);
    expect(toCents(1200)).toBe(120000);
  });

  it('rejects amounts that are not prices with a clear message', () => {
    expect(() => toCents(19.999)).toThrow(/at most 2 decimals, got 19.999/);
    expect(() => toCents('9.99')).toThrow(/finite number of euros, got "9.99"/);
    expect(() => toCents(Number.NaN)).toThrow(/finite number of euros, got NaN/);
    expect(() => toCents(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => toCents(undefined)).toThrow(/got undefined/);
    expect(() => toCents(1e300)).toThrow(/too large/);
  });
});

describe('formatCents', () => {
  it('formats cents as euros with two decimals', () => {
    expect(formatCents(1999)).toBe('19.99 EUR');
    expect(formatCents(5)).toBe('0.05 EUR');
    expect(formatCents(0)).toBe('0.00 EUR');
    expect(formatCents(-500)).toBe('-5.00 EUR');
    expect(formatCents(123456, 'USD')).toBe('1234.56 USD');
  });

  it('refuses fractional cents instead of printing a wrong amount', () => {
    expect(() => formatCents(19.99)).toThrow(/whole number, got 19.99/);
    expect(() => formatCents('100')).toThrow(TypeError);
  });
});
