/**
 * What the build-time MDX plugins that move content out of a page's JavaScript share:
 * content-addressed module files and the MDX nodes (imports, JSX attributes) that refer to them.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** Writes a file whole or not at all (parallel builds of the same site share the folder). */
export function writeAtomically(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(path.dirname(file), {recursive: true});
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/**
 * Writes a value's two modules, content-addressed, under `dir`: `<serverDir>/<hash>.js` (the
 * module `source`, for the server bundle) and `lazy/<hash>.js` (a loader of the first, for the
 * browser bundle). Returns `<prefix>/<hash>.js`, which each bundle aliases to its folder.
 */
export function writeSplitModules(dir: string, serverDir: string, prefix: string, source: string): string {
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 20);
  writeAtomically(path.join(dir, serverDir, `${hash}.js`), source);
  writeAtomically(path.join(dir, 'lazy', `${hash}.js`), `export default () => import('../${serverDir}/${hash}.js');\n`);
  return `${prefix}/${hash}.js`;
}

/** `import identifier from 'specifier'` as an MDX ESM node. */
export function importNode(identifier: string, specifier: string) {
  return {
    type: 'mdxjsEsm',
    value: `import ${identifier} from ${JSON.stringify(specifier)};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: identifier}}],
            source: {type: 'Literal', value: specifier, raw: JSON.stringify(specifier)},
          },
        ],
      },
    },
  };
}

/** `name="value"`. */
export function attribute(name: string, value: string) {
  return {type: 'mdxJsxAttribute', name, value};
}

/** `name={expression}`, with the estree MDX compiles JSX expressions from. */
function expressionAttribute(name: string, text: string, expression: object) {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: text,
      data: {
        estree: {type: 'Program', sourceType: 'module', body: [{type: 'ExpressionStatement', expression}]},
      },
    },
  };
}

/** `name={identifier}`. */
export function identifierAttribute(name: string, identifier: string) {
  return expressionAttribute(name, identifier, {type: 'Identifier', name: identifier});
}

/** `name={number}`. */
export function numberAttribute(name: string, value: number) {
  return expressionAttribute(name, String(value), {type: 'Literal', value, raw: String(value)});
}
