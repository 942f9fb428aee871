/**
 * Every phase's script (the one interpreter of phase histories: `phaseScript.ts`) run with real git
 * and with the sandbox's git: the same output, exit code and repository after every command, and
 * `git fsck --strict` on the sandbox's repository. This is what makes the in-memory replay of the
 * materializer and the lesson runner, and the sandbox's install-time replay, real git's history.
 */
import {describe, expect, it} from 'vitest';
import {readExampleFile} from '../../examples/readExample';
import {inlineScript, phaseScript} from '../../examples/ecommerce/phaseScript';
import {phases, type Phase} from '../../examples/ecommerce/phases';
import {compareEngines} from './scenario';
import {scriptToBash} from './script-bash';

describe.concurrent('each phase script builds the same repository with both engines', () => {
  for (const [id, phase] of Object.entries(phases) as [string, Phase][]) {
    it(id, {timeout: 480_000}, async () => {
      const result = await compareEngines(scriptToBash(inlineScript(phaseScript(phase), readExampleFile)));
      expect(result.reference.code, result.reference.output).toBe(0);
      expect(result.commands).toBeGreaterThan(5);
      const problems = [result.divergence, result.fsck].filter(Boolean);
      if (problems.length > 0) throw new Error(`${id}: ${problems.join('\n')}`);
    });
  }
});
