import {describe, expect, it} from 'vitest';
import {phases} from '../../examples/ecommerce/phases';
import {HOTFIX_MESSAGES} from '../../examples/ecommerce/phases/02-hotfix-workflow';
import {readExampleFile} from '../../examples/readExample';
import type {HistoryStep} from '../../examples/ecommerce/phases/types';
import {firstParentChain} from './history';
import {replayPhase} from './phase-model';

const identity = {name: 'Test Author', email: 'test@example.com'};
/** Sources named after their content: `x1` is the text `x1\n`. */
const fake = (source: string): string => `${source}\n`;

const subject = (message: string): string => message.split('\n')[0]!;

describe('replayPhase', async () => {
  // The end of lesson 02 as the runner expects it, read back in plain words.
  const {history, trees} = await replayPhase(phases['02-after-fix'], readExampleFile);
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
    expect(tag).toMatchObject({annotated: true, message: `${HOTFIX_MESSAGES.tag}\n`});
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

  it('replays --no-ff merges, conflict resolutions and tags on another branch', async () => {
    const steps: HistoryStep[] = [
      {op: 'commit', message: 'a', files: {'x.js': 'x1'}},
      {op: 'branch', name: 'feature'},
      {op: 'commit', message: 'b', files: {'x.js': 'x2'}},
      {op: 'switch', name: 'main'},
      {op: 'commit', message: 'c', files: {'x.js': 'x3'}},
      {op: 'merge', branch: 'feature', message: 'm1\n\nbody', resolved: {'x.js': 'x4'}},
      {op: 'branch', name: 'topic'},
      {op: 'commit', message: 'd', files: {'y.js': 'y1'}},
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'topic', message: 'm2', noFastForward: true},
      {op: 'commit', message: 'e', files: {'z.js': 'z1'}},
      {op: 'tag', name: 'keep', message: 'keep b', target: 'feature'},
      {op: 'deleteBranch', name: 'feature', force: true},
    ];
    const {history: h, trees: t} = await replayPhase({history: steps, identity}, fake);
    const tip = h.branches.get('main')!;
    expect(h.commits.get(tip)!.subject).toBe('e');
    const m2 = h.commits.get(tip)!.parents[0]!;
    expect(h.commits.get(m2)!.subject).toBe('m2');
    expect(h.commits.get(m2)!.parents.map((id) => h.commits.get(id)!.subject)).toEqual(['m1', 'd']);
    expect(h.commits.get(h.commits.get(m2)!.parents[0]!)!.message).toBe('m1\n\nbody\n');
    expect(t.get(m2)).toEqual({'x.js': 'x4', 'y.js': 'y1'});
    expect(h.tags.get('keep')).toMatchObject({annotated: true, message: 'keep b\n'});
    expect(h.commits.get(h.tags.get('keep')!.target)!.subject).toBe('b');
    expect([...h.branches.keys()].sort()).toEqual(['main', 'topic']);
    expect(h.head).toBe('main');
  });

  it('refuses, with git\'s words, a phase git would refuse', async () => {
    const base: HistoryStep[] = [
      {op: 'commit', message: 'a', files: {'x.js': 'x1'}},
      {op: 'branch', name: 'b'},
      {op: 'commit', message: 'b', files: {'x.js': 'x2'}},
      {op: 'switch', name: 'main'},
      {op: 'commit', message: 'c', files: {'x.js': 'x3'}},
    ];
    const replay = (step: HistoryStep) => replayPhase({history: [...base, step], identity}, fake);
    await expect(replay({op: 'merge', branch: 'b', message: ''})).rejects.toThrow('Not possible to fast-forward');
    await expect(replay({op: 'merge', branch: 'b', message: 'm'})).rejects.toThrow('CONFLICT (content): Merge conflict in x.js');
    await expect(replay({op: 'deleteBranch', name: 'b'})).rejects.toThrow("The branch 'b' is not fully merged");
  });

  it('names every file by its source, and refuses a version no source holds', async () => {
    // Both sides change different lines of one file: git merges it into a version of its own.
    const merged: HistoryStep[] = [
      {op: 'commit', message: 'a', files: {'x.js': 'one'}},
      {op: 'branch', name: 'b'},
      {op: 'commit', message: 'b', files: {'x.js': 'two'}},
      {op: 'switch', name: 'main'},
      {op: 'commit', message: 'c', files: {'y.js': 'three'}},
      {op: 'merge', branch: 'b', message: 'm'},
    ];
    const {trees} = await replayPhase({history: merged, identity}, fake);
    expect([...trees.values()].some((tree) => tree['x.js'] === 'two' && tree['y.js'] === 'three')).toBe(true);
    const lines = (source: string): string => (source === 'base' ? 'a\nb\nc\n' : source === 'left' ? 'A\nb\nc\n' : 'a\nb\nC\n');
    const blended: HistoryStep[] = [
      {op: 'commit', message: 'a', files: {'x.js': 'base'}},
      {op: 'branch', name: 'b'},
      {op: 'commit', message: 'b', files: {'x.js': 'left'}},
      {op: 'switch', name: 'main'},
      {op: 'commit', message: 'c', files: {'x.js': 'right'}},
      {op: 'merge', branch: 'b', message: 'm'},
    ];
    await expect(replayPhase({history: blended, identity}, lines)).rejects.toThrow(/a version of x.js that no file under examples\/ holds/);
  });
});
