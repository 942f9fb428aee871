import {describe, expect, it} from 'vitest';
import {modelSize, name, recommend, train} from '../src/recommendations/popularity.js';

const orders = [
  {id: 'ORD-1', customer: 'C1', items: ['p01', 'p02']},
  {id: 'ORD-2', customer: 'C2', items: ['p01', 'p13']},
  {id: 'ORD-3', customer: 'C3', items: ['p13', 'p01', 'p13']},
  {id: 'ORD-4', customer: 'C4', items: ['p07', 'p08']},
];

describe('popularity recommendations (experiment A)', () => {
  it('counts each product once per order and ranks the most bought first', () => {
    const model = train(orders);
    expect(name).toBe('popularity');
    // p01 in 3 orders, p13 in 2 (twice in ORD-3 counts once), then ties by id.
    expect(recommend(model, [], 4)).toEqual(['p01', 'p13', 'p02', 'p07']);
    expect(modelSize(model)).toBe(5);
  });

  it('never recommends what is already in the basket', () => {
    const model = train(orders);
    expect(recommend(model, ['p01'], 2)).toEqual(['p13', 'p02']);
  });

  it('ignores the basket when choosing: the same top products for every customer', () => {
    const model = train(orders);
    expect(recommend(model, ['p07'], 2)).toEqual(recommend(model, ['p02'], 2));
  });

  it('breaks ties by product id, whatever the order of the history', () => {
    const a = recommend(train(orders), [], 5);
    const b = recommend(train([...orders].reverse()), [], 5);
    expect(a).toEqual(b);
  });

  it('returns fewer than k when the catalogue seen in training is smaller', () => {
    expect(recommend(train(orders), [], 10)).toHaveLength(5);
    expect(recommend(train([]), ['p01'], 3)).toEqual([]);
  });

  it('rejects a basket that is not an array and a k that is not a positive integer', () => {
    const model = train(orders);
    expect(() => recommend(model, null as never, 3)).toThrow(TypeError);
    expect(() => recommend(model, 'p01' as never, 3)).toThrow('basket must be an array');
    expect(() => recommend(model, [], 0)).toThrow(RangeError);
    expect(() => recommend(model, [], 2.5)).toThrow('k must be a positive integer');
  });
});
