/**
 * Every package the site's code imports is declared in package.json: the check behind
 * `dependencies.test.ts`. A package that is only installed because another one depends on it
 * (or only pinned in `overrides`) can vanish or change major version with any upstream release.
 *
 * Imports are read with TypeScript's own pre-processor (static, dynamic, `require`,
 * `typeof import(...)`, `/// <reference types>`), plus `require.resolve(...)`; MDX files by their
 * `import` lines. Types count: a package without types of its own whose `@types/` package the
 * compiler picks up needs that `@types/` package declared too.
 */
import {builtinModules, createRequire} from 'node:module';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Folders (relative to the site) whose files are the site's code; what lies under them is scanned. */
export const SOURCE_DIRS = ['src', 'scripts', 'e2e', 'examples', 'docs', 'i18n'];
const SKIPPED_DIRS = new Set(['node_modules', '.generated', '.docusaurus', 'build']);
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;
// MDX pages (their imports); plain Markdown (READMEs, reports) only quotes code.
const MDX_FILE = /\.mdx$/;

export interface ImportSite {
  file: string;
  specifier: string;
  /** Imported from TypeScript, so its types are used too. */
  typed: boolean;
}

/** Files of the site to scan: the source folders, plus the config files at its root. */
export function siteSourceFiles(siteDir: string): string[] {
  const files: string[] = readdirSync(siteDir)
    .filter((name) => CODE_FILE.test(name) && statSync(path.join(siteDir, name)).isFile())
    .map((name) => path.join(siteDir, name));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (CODE_FILE.test(entry.name) || MDX_FILE.test(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(siteDir, dir))) walk(path.join(siteDir, dir));
  return files.sort();
}

/** The module specifiers a file imports. */
export function importsOf(file: string, source: string): string[] {
  if (MDX_FILE.test(file)) {
    return [...source.matchAll(/^\s*(?:import|export)\s[^'"\n]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  }
  const kind = /\.[cm]?tsx$|\.jsx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, kind);
  const specifiers = sourceFile.typeReferenceDirectives.map((ref) => ref.fileName);
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) specifiers.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isResolve =
        ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'require' && callee.name.text === 'resolve';
      if (isImport || isRequire || isResolve) literal(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return specifiers;
}

/** `@scope/name/sub/path` -> `@scope/name`; `name/sub` -> `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** `@types/` package of a package: `@types/node`, `@types/scope__name`. */
export function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

export interface Aliases {
  /** Prefixes resolved by the bundler, not by node_modules (`@site/`, `@theme/`, …). */
  prefixes: string[];
  /** Exact specifiers resolved by the bundler (`@docusaurus/Link`, …). */
  exact: Set<string>;
}

/**
 * What the bundler resolves without node_modules: Docusaurus's own prefixes, the client API
 * modules `@docusaurus/core` serves as `@docusaurus/<name>` (read from its `lib/client/exports`,
 * so a new one is known without editing this list), and the site's own module prefixes.
 */
export function bundlerAliases(siteDir: string, sitePrefixes: string[]): Aliases {
  const coreExports = path.join(
    path.dirname(createRequire(path.join(siteDir, 'package.json')).resolve('@docusaurus/core/package.json')),
    'lib/client/exports',
  );
  const exact = new Set(
    readdirSync(coreExports)
      .filter((name) => name.endsWith('.js'))
      .map((name) => `@docusaurus/${name.slice(0, -3)}`),
  );
  return {prefixes: ['@site/', '@theme/', '@theme-original/', '@theme-init/', '@generated/', ...sitePrefixes], exact};
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));
}

/** True when the package ships its own type declarations. */
function hasOwnTypes(packageDir: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  if (manifest.types || manifest.typings) return true;
  if (JSON.stringify(manifest.exports ?? {}).includes('"types"')) return true;
  return existsSync(path.join(packageDir, 'index.d.ts'));
}

export interface UndeclaredImport {
  /** The package.json entry that is missing, e.g. `mermaid` or `@types/prismjs`. */
  missing: string;
  /** Where it is imported (relative to the site), first few. */
  files: string[];
}

/**
 * The packages the sites' files import that package.json does not declare in `dependencies` or
 * `devDependencies`, with the files that import them.
 */
export function undeclaredImports(
  siteDir: string,
  imports: ImportSite[],
  aliases: Aliases,
  manifest: {dependencies?: Record<string, string>; devDependencies?: Record<string, string>},
): UndeclaredImport[] {
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  const missing = new Map<string, Set<string>>();
  const note = (name: string, file: string) => {
    if (declared.has(name)) return;
    if (!missing.has(name)) missing.set(name, new Set());
    missing.get(name)!.add(path.relative(siteDir, file));
  };
  for (const {file, specifier, typed} of imports) {
    if (specifier.startsWith('.') || specifier.startsWith('/') || isBuiltin(specifier)) continue;
    if (aliases.exact.has(specifier) || aliases.prefixes.some((prefix) => specifier.startsWith(prefix))) continue;
    const name = packageName(specifier);
    const installed = existsSync(path.join(siteDir, 'node_modules', name, 'package.json'));
    const types = typesPackage(name);
    const hasTypesPackage = existsSync(path.join(siteDir, 'node_modules', types, 'package.json'));
    // A types-only name (`import type {Root} from 'mdast'`) is the @types package alone.
    if (installed || !hasTypesPackage || name.startsWith('@types/')) note(name, file);
    if (typed && hasTypesPackage && !(installed && hasOwnTypes(path.join(siteDir, 'node_modules', name)))) {
      note(types, file);
    }
  }
  return [...missing].map(([name, files]) => ({missing: name, files: [...files].sort()}));
}

/** Every import site of the site's files, plus the `types` its tsconfig.json loads. */
export function siteImports(siteDir: string): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const file of siteSourceFiles(siteDir)) {
    const typed = /\.tsx?$|\.mdx?$/.test(file) || file.endsWith('.mts') || file.endsWith('.cts');
    for (const specifier of importsOf(file, readFileSync(file, 'utf8'))) sites.push({file, specifier, typed});
  }
  const tsconfig = path.join(siteDir, 'tsconfig.json');
  const parsed = ts.parseConfigFileTextToJson(tsconfig, readFileSync(tsconfig, 'utf8')).config as {
    compilerOptions?: {types?: string[]};
  };
  for (const name of parsed.compilerOptions?.types ?? []) {
    sites.push({file: tsconfig, specifier: name === 'node' ? '@types/node' : name, typed: false});
  }
  return sites;
}
