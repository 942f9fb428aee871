// The demo script the lesson runs (`node test-cart.js`) prints what the lesson shows.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

describe('test-cart.js', () => {
  const script = fileURLToPath(new URL('../test-cart.js', import.meta.url));
  const run = spawnSync(process.execPath, [script], {encoding: 'utf8'});

  it('runs to completion without errors', () => {
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints the cart summary with exact totals', () => {
    expect(run.stdout).toContain('3 x Wireless mouse (19.99 EUR) = 59.97 EUR');
    expect(run.stdout).toContain('Items: 6');
    expect(run.stdout).toContain('Subtotal: 110.26 EUR');
    expect(run.stdout).toContain('Sticker + pin in the cart: 30 cents');
  });

  it('applies the 10% code, rejects 60% and applies the fixed code', () => {
    expect(run.stdout).toContain('Discount WELCOME10 (10%): -11.03 EUR');
    expect(run.stdout).toContain('Total: 99.23 EUR');
    expect(run.stdout).toContain(
      'Rejected: Percentage of BLACKFRIDAY must be a whole number from 1 to 30, got 60',
    );
    expect(run.stdout).toContain('Discount FIVEOFF (5.00 EUR): -5.00 EUR');
    expect(run.stdout).toMatch(/Total: 105\.26 EUR\n$/);
  });
});
