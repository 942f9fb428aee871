import {describe, expect, it} from 'vitest';
import {MemoryFs} from '../../../packages/sandbox-git/src/index.js';
import {currentBranch, promptText} from './prompt';

describe('the playground prompt', () => {
  it('shows the folder under ~ and the branch of the repository holding it', async () => {
    const fs = new MemoryFs();
    await fs.promises.mkdir('/home/learner/p/.git', {recursive: true});
    await fs.promises.mkdir('/home/learner/p/src', {recursive: true});
    await fs.promises.writeFile('/home/learner/p/.git/HEAD', 'ref: refs/heads/hotfix/payment-timeout-fix\n');
    expect(await currentBranch(fs, '/home/learner/p/src')).toBe('hotfix/payment-timeout-fix');
    expect(await currentBranch(fs, '/home/learner')).toBeUndefined();
    expect(promptText('/home/learner/p/src', '/home/learner', 'main')).toBe('~/p/src (main) $ ');
    expect(promptText('/tmp', '/home/learner', undefined)).toBe('/tmp $ ');
    await fs.promises.writeFile('/home/learner/p/.git/HEAD', '0123456789abcdef0123456789abcdef01234567\n');
    expect(await currentBranch(fs, '/home/learner/p')).toBe('0123456...');
  });
});
