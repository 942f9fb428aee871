import {describe, expect, it} from 'vitest';
import {phases} from '../../examples/ecommerce/phases';
import {HOTFIX_MESSAGES} from '../../examples/ecommerce/phases/02-hotfix-workflow';
import {firstParentChain} from './history';
import {replayPhase} from './phase-model';

const subject = (message: string): string => message.split('\n')[0]!;

describe('replayPhase', () => {
  // The end of lesson 02 as the runner expects it, read back in plain words.
  const {history, trees} = replayPhase(phases['02-after-fix'].history);
  const chain = (branch: string): string[] =>
    firstParentChain(history, history.branches.get(branch)!).map((id) => history.commits.get(id)!.subject);

  it('fast-forwards main to the hotfix commits and merges them into develop', () => {
    expect([...history.branches.keys()].sort()).toEqual(['develop', 'main']);
    expect(chain('main')).toEqual([
      subject(HOTFIX_MESSAGES.initial),
      subject(HOTFIX_MESSAGES.fix),
      subject(HOTFIX_MESSAGES.test),
      subject(HOTFIX_MESSAGES.docs),
    ]);
    expect(chain('develop')).toEqual([
      subject(HOTFIX_MESSAGES.initial),
      subject(HOTFIX_MESSAGES.wipCart),
      subject(HOTFIX_MESSAGES.wipApi),
      HOTFIX_MESSAGES.mergeIntoDevelop,
      subject(HOTFIX_MESSAGES.postIncident),
    ]);
    const merge = [...history.commits.values()].find((c) => c.parents.length === 2)!;
    expect(merge.parents.map((id) => history.commits.get(id)!.subject)).toEqual([
      subject(HOTFIX_MESSAGES.wipApi),
      subject(HOTFIX_MESSAGES.docs),
    ]);
    expect(history.head).toBe('develop');
  });

  it('keeps the annotated tag on the docs commit and the files of each commit', () => {
    const tag = history.tags.get('hotfix-v1.0.1')!;
    expect(history.commits.get(tag.target)!.subject).toBe(subject(HOTFIX_MESSAGES.docs));
    expect(tag).toMatchObject({annotated: true, message: HOTFIX_MESSAGES.tag});
    expect(trees.get(history.branches.get('main')!)).toEqual({
      'README.md': 'ecommerce/files/README.md',
      'src/payment/paymentProcessor.js': 'ecommerce/files/payment/paymentProcessor.hotfix.js',
      'test-payment-fixed.js': 'ecommerce/files/test-payment-fixed.js',
      'HOTFIX_PAYMENT_TIMEOUT.md': 'ecommerce/files/HOTFIX_PAYMENT_TIMEOUT.md',
    });
    expect(Object.keys(trees.get(history.branches.get('develop')!)!).sort()).toEqual([
      'HOTFIX_PAYMENT_TIMEOUT.md',
      'POST_INCIDENT_ACTIONS.md',
      'README.md',
      'src/api/newEndpoints.js',
      'src/cart/advancedCart.js',
      'src/payment/paymentProcessor.js',
      'test-payment-fixed.js',
    ]);
  });

  it('replays --no-ff merges, conflict resolutions and tags on another branch', () => {
    const {history: h, trees: t} = replayPhase([
      {op: 'commit', message: 'a', files: {'x.js': 'x1'}},
      {op: 'branch', name: 'feature'},
      {op: 'commit', message: 'b', files: {'x.js': 'x2'}},
      {op: 'switch', name: 'main'},
      {op: 'commit', message: 'c', files: {'x.js': 'x3'}},
      {op: 'merge', branch: 'feature', message: 'm1', resolved: {'x.js': 'x4'}},
      {op: 'branch', name: 'topic'},
      {op: 'commit', message: 'd', files: {'y.js': 'y1'}},
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'topic', message: 'm2', noFf: true},
      {op: 'tag', name: 'keep', message: 'keep b', target: 'feature'},
      {op: 'deleteBranch', name: 'feature', force: true},
    ] as Parameters<typeof replayPhase>[0]);
    const tip = h.branches.get('main')!;
    expect(h.commits.get(tip)!.subject).toBe('m2');
    expect(t.get(tip)).toEqual({'x.js': 'x4', 'y.js': 'y1'});
    expect(h.commits.get(h.tags.get('keep')!.target)!.subject).toBe('b');
    expect([...h.branches.keys()].sort()).toEqual(['main', 'topic']);
  });

  it('refuses a phase whose merge without a message cannot fast-forward, or that conflicts', () => {
    const base = [
      {op: 'commit', message: 'a', files: {'x.js': 'x1'}},
      {op: 'branch', name: 'b'},
      {op: 'commit', message: 'b', files: {'x.js': 'x2'}},
      {op: 'switch', name: 'main'},
      {op: 'commit', message: 'c', files: {'x.js': 'x3'}},
    ] as const;
    expect(() => replayPhase([...base, {op: 'merge', branch: 'b', message: ''}])).toThrow('not a fast-forward');
    expect(() => replayPhase([...base, {op: 'merge', branch: 'b', message: 'm'}])).toThrow('changed on both sides (x3 vs x2) and the phase gives no resolution');
  });
});
