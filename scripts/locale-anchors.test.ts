import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

// The language menu keeps the URL's #section when it switches language, so a reader in the middle
// of a lesson lands on the same section in the other language only if the section has the same id
// in both. Docusaurus derives a heading's id from its text, which differs between the languages:
// so every heading of a page carries an explicit id (`## Scenario {/* #scenario */}`, the MDX form
// Docusaurus reads), the same, in the
// same order, in the Italian page and in its English twin.

const root = path.resolve(__dirname, '..');

/** Italian page folders and their English twins. */
const TWINS = [
  ['docs', 'i18n/en/docusaurus-plugin-content-docs/current'],
  ['src/pages', 'i18n/en/docusaurus-plugin-content-pages'],
] as const;

/**
 * Headings left to their text-derived ids, by page: the course index's lesson list belongs to the
 * change that derives that list from the lessons.
 */
const TEXT_IDS: Record<string, string[]> = {'intro.mdx': ['## 📚 Le lezioni', '## 📚 The lessons']};

interface Heading {
  line: number;
  level: number;
  text: string;
  id?: string;
}

/** The `##`..`######` headings of an MDX page, outside code fences. */
function headingsOf(source: string): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  source.split('\n').forEach((line, index) => {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (line.trim() === fence) fence = undefined;
      return;
    }
    const match = fence ? null : /^(#{2,6}) (.*?)(?: \{\/\* #([\w-]+) \*\/\})?\s*$/.exec(line);
    if (match) headings.push({line: index + 1, level: match[1]!.length, text: match[2]!, id: match[3]});
  });
  return headings;
}

const pages = TWINS.flatMap(([it, en]) =>
  fs
    .readdirSync(path.join(root, it), {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.mdx') && !path.basename(file).startsWith('_'))
    .map((file) => ({file, it: path.join(it, file), en: path.join(en, file)})),
);

describe('section ids are the same in both languages', () => {
  it('finds the pages', () => {
    expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(['lessons/02-hotfix-workflow.mdx', 'diagrams.mdx']));
  });

  it('parses explicit ids, and ignores code fences', () => {
    const source = '## 📖 Scenario {/* #scenario */}\n```bash\n## not a heading\n```\n### Fase 1: creazione\n';
    expect(headingsOf(source)).toEqual([
      {line: 1, level: 2, text: '📖 Scenario', id: 'scenario'},
      {line: 5, level: 3, text: 'Fase 1: creazione', id: undefined},
    ]);
  });

  for (const page of pages) {
    it(`${page.file}: every heading has an explicit id, the same in Italian and English`, () => {
      const read = (file: string) => headingsOf(fs.readFileSync(path.join(root, file), 'utf8'));
      const exempt = new Set(TEXT_IDS[page.file] ?? []);
      const it_ = read(page.it);
      const en = read(page.en);
      const missing = [...it_.map((h) => ({...h, file: page.it})), ...en.map((h) => ({...h, file: page.en}))]
        .filter((h) => !h.id && !exempt.has(`${'#'.repeat(h.level)} ${h.text}`))
        .map((h) => `${h.file}:${h.line} ${'#'.repeat(h.level)} ${h.text}`);
      expect(missing, 'headings without an explicit {/* #id */}').toEqual([]);
      expect(en.map((h) => `${h.level} ${h.id ?? '(text id)'}`), `${page.en} vs ${page.it}`).toEqual(
        it_.map((h) => `${h.level} ${h.id ?? '(text id)'}`),
      );
    });
  }
});
