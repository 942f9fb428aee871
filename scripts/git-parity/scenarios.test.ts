/**
 * The scenario suite beyond the lessons: each script of `scenarios/` (after `00-setup.sh`) runs
 * with real git and with the sandbox's git; every command must give the same exit code, output
 * and repository state, and `git fsck --strict` must pass on the sandbox's repositories.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {compareEngines} from './scenario';

const dir = path.join(__dirname, 'scenarios');
const setup = readFileSync(path.join(dir, '00-setup.sh'), 'utf8');
const scenarios = readdirSync(dir).filter((name) => name.endsWith('.sh') && name !== '00-setup.sh').sort();

describe.concurrent('the sandbox git does what real git does', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(10);
  });
  for (const name of scenarios) {
    it(name.replace(/\.sh$/, ''), {timeout: 480_000}, async () => {
      const result = await compareEngines(`${setup}\n${readFileSync(path.join(dir, name), 'utf8')}`);
      expect(result.commands).toBeGreaterThan(5);
      // A scenario mostly made of failing commands tests nothing (a broken setup, say).
      expect(result.reference.journal.filter((entry) => entry.code === 0).length, 'commands real git ran successfully').toBeGreaterThan(result.commands / 2);
      const problems = [result.divergence, result.fsck].filter(Boolean);
      if (problems.length > 0) throw new Error(`${name}: ${problems.join('\n')}`);
    });
  }
});
