import type {Code, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {readExampleFile} from '../../../examples/readExample';
import {expandFence} from './expand';

export {EXAMPLES_DIR, readExampleFile} from '../../../examples/readExample';

/** Remark plugin: expands `file=`, `diff=` and `%include` in code fences. */
export default function remarkExamples() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code) => {
      node.value = expandFence(node, readExampleFile);
    });
  };
}
