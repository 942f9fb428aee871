/**
 * Pure logic behind the `remark-examples` plugin: expands references to files
 * under `examples/` inside fenced code blocks, so lessons (both locales), the
 * lesson runner and the sandboxes all read the same bytes.
 *
 * Three forms, all resolved relative to the `examples/` folder:
 *
 *   ```js file=ecommerce/files/test-payment.js title="test-payment.js"
 *   ```                                  -> the fence body becomes the file
 *
 *   ```bash
 *   cat > test-payment.js << 'EOF'
 *   %include ecommerce/files/test-payment.js
 *   EOF
 *   ```                                  -> the line becomes the file's lines
 *
 *   ```diff diff=ecommerce/a.js,ecommerce/b.js title="..."
 *   ```                                  -> the body becomes a unified diff
 */
import {createTwoFilesPatch} from 'diff';
import {hasMetaFlag, readMetaValue} from '../../lib/fenceMeta';

export {hasMetaFlag, readMetaValue};

export type ReadExample = (relativePath: string) => string;

export interface CodeFence {
  lang?: string | null;
  meta?: string | null;
  value: string;
}

const INCLUDE_LINE = /^%include\s+(\S+)\s*$/;

/** A file as a fence body: without the final newline that Markdown adds back. */
function asFenceBody(content: string): string {
  return content.endsWith('\n') ? content.slice(0, -1) : content;
}

export function expandFence(fence: CodeFence, readExample: ReadExample): string {
  const file = readMetaValue(fence.meta, 'file');
  const diffPair = readMetaValue(fence.meta, 'diff');
  if (file && diffPair) {
    throw new Error(`A code fence cannot have both file= and diff= (meta: ${fence.meta})`);
  }
  if (file) {
    if (fence.value.trim() !== '') {
      throw new Error(`A file=${file} fence must be empty: its body comes from examples/${file}`);
    }
    return asFenceBody(readExample(file));
  }
  if (diffPair) {
    const [before, after, extra] = diffPair.split(',');
    if (!before || !after || extra !== undefined) {
      throw new Error(`diff= takes two comma-separated paths, got "${diffPair}"`);
    }
    // The file as the reader's repository names it (the block's title), as `git diff` prints it:
    // where its two versions live under examples/ is the course's business, not the reader's.
    const title = readMetaValue(fence.meta, 'title') ?? after;
    const patch = createTwoFilesPatch(`a/${title}`, `b/${title}`, readExample(before), readExample(after));
    // Drop the "====" line that opens jsdiff's patch.
    return asFenceBody(patch.split('\n').slice(1).join('\n'));
  }
  if (!fence.value.includes('%include')) return fence.value;
  return fence.value
    .split('\n')
    .map((line) => {
      const match = INCLUDE_LINE.exec(line);
      return match ? asFenceBody(readExample(match[1]!)) : line;
    })
    .join('\n');
}
