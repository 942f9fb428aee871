import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import * as coPurchase from '../src/recommendations/coPurchase.js';
import * as served from '../src/recommendations/index.js';

const orders = JSON.parse(readFileSync(new URL('../data/orders.json', import.meta.url), 'utf8'));

describe('the adopted recommendations (src/recommendations/index.js)', () => {
  it('serves the co-purchase approach that won the experiment', () => {
    expect(served.name).toBe('co-purchase');
    const servedModel = served.train(orders);
    const model = coPurchase.train(orders);
    expect(served.modelSize(servedModel)).toBe(coPurchase.modelSize(model));
    for (const order of orders as {items: string[]}[]) {
      const basket = order.items.slice(0, -1);
      expect(served.recommend(servedModel, basket, 3)).toEqual(coPurchase.recommend(model, basket, 3));
    }
  });

  it('suggests laptop accessories for a laptop and camera gear for a camera', () => {
    const model = served.train(orders);
    expect(served.recommend(model, ['p01'], 2).sort()).toEqual(['p02', 'p03']);
    expect(served.recommend(model, ['p04'], 2).sort()).toEqual(['p05', 'p06']);
  });
});
