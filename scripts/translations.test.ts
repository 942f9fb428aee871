import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

// Every UI string exists in both languages and is really translated: Italian
// is the source (i18n/it), English the translation (i18n/en). A string that
// is the same in both is only allowed for names that are not translated.

const root = path.resolve(__dirname, '..');
type Messages = Record<string, {message: string; description?: string}>;
const read = (rel: string): Messages => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

/** Identical in both languages on purpose: product names and technical terms. */
const SAME_IN_BOTH = new Set([
  'GitHub',
  'Workflow', // the course index's column: the same word in both
  'Corso Git Workflow', // the site's name
  'info',
  'Tags',
  '{authorName} - {nPosts}',
]);

/** Theme strings the site never shows (blog is off), left to the theme's defaults. */
const UNUSED_THEME_PREFIXES = ['theme.blog.', 'theme.tags.', 'theme.unlistedContent.'];

const JSON_FILES = [
  'code.json',
  'docusaurus-theme-classic/navbar.json',
  'docusaurus-theme-classic/footer.json',
  'docusaurus-plugin-content-docs/current.json',
];

describe.each(JSON_FILES)('i18n/*/%s', (file) => {
  const it_ = read(`i18n/it/${file}`);
  const en = read(`i18n/en/${file}`);

  it('has the same keys in Italian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(it_).sort());
  });

  it('has every English message translated (none still equal to the Italian source)', () => {
    const untranslated = Object.keys(en)
      .filter((k) => en[k]!.message === it_[k]?.message && !SAME_IN_BOTH.has(en[k]!.message))
      .filter((k) => !UNUSED_THEME_PREFIXES.some((p) => k.startsWith(p)))
      .map((k) => `${k}: "${en[k]!.message}"`);
    expect(untranslated, `English file still has Italian (or untranslated) messages`).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = [...Object.entries(it_), ...Object.entries(en)].filter(([, v]) => !v.message.trim());
    expect(empty.map(([k]) => k)).toEqual([]);
  });
});

describe('theme strings in Italian', () => {
  // The theme ships Italian for most of its UI, but not all (search plugin, a
  // few aria labels): the Italian file must fill the gaps, so the Italian
  // site shows no English UI text.
  const it_ = read('i18n/it/code.json');
  const en = read('i18n/en/code.json');
  it('differ from the English ones for everything the site shows', () => {
    const english = Object.keys(it_)
      .filter((k) => k.startsWith('theme.'))
      .filter((k) => !UNUSED_THEME_PREFIXES.some((p) => k.startsWith(p)))
      .filter((k) => it_[k]!.message === en[k]?.message && !SAME_IN_BOTH.has(it_[k]!.message))
      .map((k) => `${k}: "${it_[k]!.message}"`);
    expect(english, 'Italian UI strings still in English').toEqual([]);
  });
  it('include the search UI and the 404 page', () => {
    for (const key of [
      'theme.SearchBar.label',
      'theme.SearchBar.noResultsText',
      'theme.SearchPage.noResultsText',
      'theme.NotFound.title',
      'theme.NotFound.p1',
      'theme.admonition.note',
      'theme.docs.paginator.next',
    ]) {
      expect(it_[key]?.message, key).toBeTruthy();
      expect(it_[key]?.message, key).not.toBe(en[key]?.message);
    }
  });
  it('call the phone menu\'s language switch «Lingua»', () => {
    // The theme's own Italian says «Linguaggio», which is a programming language.
    expect(it_['theme.navbar.mobileLanguageDropdown.label']?.message).toBe('Lingua');
  });
});

describe('pages', () => {
  const list = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, {recursive: true, encoding: 'utf8'})
          .filter((f) => /\.mdx?$/.test(f))
          .sort()
      : [];
  it('every Italian doc has an English translation at the same path', () => {
    expect(list(path.join(root, 'i18n/en/docusaurus-plugin-content-docs/current'))).toEqual(
      list(path.join(root, 'docs')),
    );
  });
  it('every Markdown page in src/pages has an English translation', () => {
    const it_ = list(path.join(root, 'src/pages'));
    const en = list(path.join(root, 'i18n/en/docusaurus-plugin-content-pages'));
    expect(en).toEqual(it_);
  });
});
