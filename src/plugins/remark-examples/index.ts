import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Code, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {expandFence, type ReadExample} from './expand';

export const EXAMPLES_DIR = path.resolve(__dirname, '../../../examples');

/** Reads a file of `examples/`, refusing paths that escape the folder. */
export const readExampleFile: ReadExample = (relativePath) => {
  const absolute = path.resolve(EXAMPLES_DIR, relativePath);
  if (!absolute.startsWith(EXAMPLES_DIR + path.sep)) {
    throw new Error(`Example path escapes examples/: ${relativePath}`);
  }
  try {
    return readFileSync(absolute, 'utf8');
  } catch {
    throw new Error(`Example file not found: examples/${relativePath}`);
  }
};

/** Remark plugin: expands `file=`, `diff=` and `%include` in code fences. */
export default function remarkExamples() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code) => {
      node.value = expandFence(node, readExampleFile);
    });
  };
}
