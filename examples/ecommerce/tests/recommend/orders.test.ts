import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {formatOrders, generateOrders, ORDER_COUNT, SEED} from '../scripts/generate-orders.js';

const read = (repoPath: string) => readFileSync(new URL(`../${repoPath}`, import.meta.url), 'utf8');

describe('order history (data/orders.json)', () => {
  it('is exactly what the seeded generator writes, on any machine', () => {
    expect(formatOrders(generateOrders(ORDER_COUNT, SEED))).toBe(read('data/orders.json'));
  });

  it('changes with the seed, so the seed really drives the data', () => {
    expect(formatOrders(generateOrders(ORDER_COUNT, SEED + 1))).not.toBe(read('data/orders.json'));
  });

  it('holds 200 orders of at least 2 catalogue products, without duplicates', () => {
    const orders: {id: string; items: string[]}[] = JSON.parse(read('data/orders.json'));
    const catalogue = new Set(
      (JSON.parse(read('data/products.json')) as {id: string}[]).map((p) => p.id),
    );
    expect(orders).toHaveLength(200);
    expect(new Set(orders.map((o) => o.id)).size).toBe(200);
    for (const order of orders) {
      expect(order.items.length).toBeGreaterThanOrEqual(2);
      expect(new Set(order.items).size).toBe(order.items.length);
      for (const id of order.items) expect(catalogue.has(id)).toBe(true);
    }
  });
});
