import {describe, expect, it} from 'vitest';
import {modelSize, name, recommend, train} from '../src/recommendations/coPurchase.js';

const orders = [
  {id: 'ORD-1', customer: 'C1', items: ['p01', 'p02', 'p03']},
  {id: 'ORD-2', customer: 'C2', items: ['p01', 'p02']},
  {id: 'ORD-3', customer: 'C3', items: ['p04', 'p05', 'p13']},
  {id: 'ORD-4', customer: 'C4', items: ['p01', 'p13', 'p13']},
];

describe('co-purchase recommendations (experiment B)', () => {
  it('recommends what was bought together with the basket, most often first', () => {
    const model = train(orders);
    expect(name).toBe('co-purchase');
    // With p01: p02 twice, p03 once, p13 once (ORD-4 counts once although p13 appears twice).
    expect(recommend(model, ['p01'], 3)).toEqual(['p02', 'p03', 'p13']);
  });

  it('depends on the basket: a camera basket gets camera products', () => {
    const model = train(orders);
    expect(recommend(model, ['p04'], 3)).toEqual(['p05', 'p13']);
  });

  it('adds up the evidence of every product in the basket and leaves the basket out', () => {
    const model = train(orders);
    // p13 was bought once with p01 and once with p05: with both in the basket it scores 2,
    // like p02 (twice with p01); the tie goes to the lower id. p03 and p04 score 1.
    expect(recommend(model, ['p01', 'p05'], 3)).toEqual(['p02', 'p13', 'p03']);
    expect(recommend(model, ['p13', 'p04'], 3)).toEqual(['p05', 'p01']);
  });

  it('has nothing to say about products never bought with anything', () => {
    const model = train(orders);
    expect(recommend(model, [], 3)).toEqual([]);
    expect(recommend(model, ['p99'], 3)).toEqual([]);
  });

  it('stores one counter per ordered pair of products bought together', () => {
    // Pairs: 01-02, 01-03, 02-03, 04-05, 04-13, 05-13, 01-13 -> 7 pairs, 14 directed entries.
    expect(modelSize(train(orders))).toBe(14);
  });

  it('rejects a basket that is not an array and a k that is not a positive integer', () => {
    const model = train(orders);
    expect(() => recommend(model, undefined as never, 3)).toThrow(TypeError);
    expect(() => recommend(model, ['p01'], -1)).toThrow(RangeError);
  });
});
