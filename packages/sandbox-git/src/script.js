/**
 * Runs a script of git command lines and file writes (the course's phase scripts:
 * `examples/ecommerce/phaseScript.ts`) with this engine, in one process: the sandbox's install-time
 * replay, the materializer's and the lesson runner's in-memory repositories.
 */
import {runGit} from './cli.js';
import {Files} from './fs.js';
import {join} from './path.js';

/** @typedef {{write: string, content: string} | {git: string[], status?: number}} InlineStep */

/**
 * @param {InlineStep[]} steps
 * @param {Omit<import('./types.js').GitContext, 'stdout' | 'stderr'>} ctx  `cwd` is the repository's folder
 * @returns {Promise<{commands: number}>} throws on the first command whose exit code is not the expected one
 */
export async function runScript(steps, ctx) {
  const files = new Files(ctx.fs);
  await files.mkdirp(ctx.cwd);
  let commands = 0;
  for (const [index, step] of steps.entries()) {
    if ('write' in step) {
      await files.write(join(ctx.cwd, step.write), step.content);
      continue;
    }
    let output = '';
    const code = await runGit(step.git, {...ctx, stdout: (text) => void (output += text), stderr: (text) => void (output += text)});
    commands++;
    if (code !== (step.status ?? 0)) {
      const shown = ['git', ...step.git.map((arg) => (/^[\w./@=:+,-]+$/.test(arg) ? arg : JSON.stringify(arg)))].join(' ');
      throw new Error(`step ${index + 1}, \`${shown}\`, exited with ${code} (expected ${step.status ?? 0}):\n${output.trim()}`);
    }
  }
  return {commands};
}
