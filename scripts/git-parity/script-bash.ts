/**
 * A phase script (`examples/ecommerce/phaseScript.ts`) as a bash script, so that the parity
 * journal can run it with either engine: file writes become `base64 -d` (any bytes, no quoting
 * trouble), git steps become command lines; an expected non-zero exit is allowed, an unexpected
 * one stops the script.
 */
import type {InlineStep} from '../../examples/ecommerce/phaseScript';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export function scriptToBash(steps: InlineStep[], dir = 'repo'): string {
  const lines = ['set -u', `mkdir -p ${quote(dir)} && cd ${quote(dir)}`];
  for (const step of steps) {
    if ('write' in step) {
      const base64 = Buffer.from(step.content, 'utf8').toString('base64');
      lines.push(`mkdir -p "$(dirname ${quote(step.write)})" && printf '%s' ${quote(base64)} | base64 -d > ${quote(step.write)}`);
    } else {
      const status = step.status ?? 0;
      lines.push(`git ${step.git.map(quote).join(' ')}; s=$?; [ "$s" = ${status} ] || { echo "exit $s, expected ${status}: git ${step.git.join(' ').replace(/[^\w .@/:=<>-]/g, '')}" >&2; exit 1; }`);
    }
  }
  return `${lines.join('\n')}\n`;
}
