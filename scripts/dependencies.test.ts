import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CODE_MODULE_PREFIX} from '../src/plugins/code-modules';
import {DIAGRAM_MODULE_PREFIX} from '../src/plugins/static-mermaid';
import {bundlerAliases, importsOf, packageName, siteImports, typesPackage, undeclaredImports} from './dependencies';

const siteDir = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(siteDir, 'package.json'), 'utf8'));
const aliases = bundlerAliases(siteDir, [`${CODE_MODULE_PREFIX}/`, `${DIAGRAM_MODULE_PREFIX}/`]);

describe('package.json declares every package the code imports', () => {
  it('has no undeclared import (types included)', () => {
    const imports = siteImports(siteDir);
    expect(imports.length, 'imports found').toBeGreaterThan(100);
    const problems = undeclaredImports(siteDir, imports, aliases, manifest).map(
      ({missing, files}) =>
        `${missing} is imported but not declared in package.json (add it, pinned, with \`npm install --save-exact\`): ` +
        files.slice(0, 3).join(', '),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the import reader', () => {
  it('finds static, dynamic, type, require, require.resolve and reference imports, not comments', () => {
    const source = [
      '/// <reference types="pkg-h" />',
      "import a from 'pkg-a';",
      "import type {B} from '@scope/b/sub';",
      "export {c} from 'pkg-c';",
      "const d = () => import('pkg-d');",
      "type E = typeof import('pkg-e');",
      "const f = require('pkg-f/x');",
      "const g = require.resolve('pkg-g');",
      "// import z from 'not-an-import';",
    ].join('\n');
    expect(importsOf('x.ts', source).map(packageName).sort()).toEqual(
      ['@scope/b', 'pkg-a', 'pkg-c', 'pkg-d', 'pkg-e', 'pkg-f', 'pkg-g', 'pkg-h'].sort(),
    );
    expect(importsOf('x.mdx', "import Sandbox from '@site/src/components/Sandbox';\n\nimport words\n")).toEqual([
      '@site/src/components/Sandbox',
    ]);
  });

  it('names the @types package of a scoped or plain package', () => {
    expect(typesPackage('prismjs')).toBe('@types/prismjs');
    expect(typesPackage('@scope/name')).toBe('@types/scope__name');
  });

  it('reports a package imported but not declared, and leaves aliases, builtins and relative paths', () => {
    const imports = [
      {file: path.join(siteDir, 'src/a.ts'), specifier: 'left-pad', typed: false},
      {file: path.join(siteDir, 'src/a.ts'), specifier: 'node:fs', typed: true},
      {file: path.join(siteDir, 'src/a.ts'), specifier: 'path', typed: true},
      {file: path.join(siteDir, 'src/a.ts'), specifier: './b', typed: true},
      {file: path.join(siteDir, 'src/a.ts'), specifier: '@docusaurus/Link', typed: true},
      {file: path.join(siteDir, 'src/a.ts'), specifier: '@theme/CodeBlock', typed: true},
      {file: path.join(siteDir, 'src/a.ts'), specifier: '@static-code/abc.js', typed: true},
    ];
    expect(undeclaredImports(siteDir, imports, aliases, {dependencies: {}})).toEqual([
      {missing: 'left-pad', files: ['src/a.ts']},
    ]);
  });

  it('asks for the @types package of a typed import of a package without its own types', () => {
    // prismjs ships no types; @types/prismjs is installed (prism-react-renderer depends on it).
    const imports = [{file: path.join(siteDir, 'src/plugins/code-theme/prism.ts'), specifier: 'prismjs/components/prism-core', typed: true}];
    expect(undeclaredImports(siteDir, imports, aliases, {dependencies: {prismjs: '1'}})).toEqual([
      {missing: '@types/prismjs', files: ['src/plugins/code-theme/prism.ts']},
    ]);
  });
});
