import {describe, expect, it} from 'vitest';
import {evaluate, formatReport, HELD_OUT, splitOrders, TOP_K} from '../bench-recommendations.js';

type Order = {id: string; customer: string; items: string[]};
const order = (n: number, items: string[]): Order => ({id: `ORD-${n}`, customer: 'C1', items});

// A fake approach that always recommends the same products: the harness must score it honestly.
const fixed = (name: string, recs: string[]) => ({
  name,
  train: (orders: Order[]) => ({trainedOn: orders.length}),
  recommend: (_model: unknown, basket: string[], k: number) =>
    recs.filter((id) => !basket.includes(id)).slice(0, k),
  modelSize: () => recs.length,
});

describe('the benchmark harness (bench-recommendations.js)', () => {
  it('trains on the older orders and tests on the newest ones, never mixing them', () => {
    const orders = Array.from({length: 10}, (_, i) => order(i + 1, ['p01', 'p02']));
    const {training, test} = splitOrders(orders, 3);
    expect(training.map((o: Order) => o.id)).toEqual(orders.slice(0, 7).map((o) => o.id));
    expect(test.map((o: Order) => o.id)).toEqual(['ORD-8', 'ORD-9', 'ORD-10']);
    expect(HELD_OUT).toBe(50);
    expect(TOP_K).toBe(3);
  });

  it('hides the last product of each held-out order and counts a hit when it is recommended', () => {
    const test = [
      order(1, ['p01', 'p02']), // hidden p02: recommended -> hit
      order(2, ['p04', 'p05']), // hidden p05: not recommended -> miss
      order(3, ['p13']), // a single product leaves nothing to recommend from: skipped
    ];
    const result = evaluate(fixed('fixed', ['p02', 'p03', 'p13']), [], test);
    expect(result).toMatchObject({name: 'fixed', hits: 1, cases: 2, coverage: 3, modelSize: 3});
  });

  it('prints every approach with the same columns, figures as fraction and percentage', () => {
    const report = formatReport(
      [
        {name: 'a', hits: 1, cases: 4, coverage: 2, modelSize: 14},
        {name: 'longer-name', hits: 3, cases: 4, coverage: 14, modelSize: 152},
      ],
      {training: 150, test: 50, catalogueSize: 14},
      null,
    );
    expect(report.split('\n')).toEqual([
      'Orders: 150 for training, 50 held out (the newest)',
      '',
      'approach      hit rate (top 3)   coverage         model entries',
      'a             1/4 (25.0%)        2/14 (14.3%)     14',
      'longer-name   3/4 (75.0%)        14/14 (100.0%)   152',
    ]);
  });

  it('labels the optional timing column as machine-dependent', () => {
    const report = formatReport(
      [{name: 'a', hits: 1, cases: 2, coverage: 1, modelSize: 1}],
      {training: 1, test: 2, catalogueSize: 14},
      [12.34],
    );
    expect(report).toContain('µs/rec *');
    expect(report).toContain('12.3');
    expect(report.endsWith('* machine-dependent: differs between runs and machines')).toBe(true);
  });
});
