import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

// Every string of the Sandbox card has an English translation, with the same placeholders.
const source = readFileSync(path.join(__dirname, 'index.tsx'), 'utf8');
const ids = [...source.matchAll(/\bid(?:="|: ')(sandbox\.[\w.]+)/g)].map((m) => m[1] ?? '');
const catalog = (locale: string) =>
  JSON.parse(readFileSync(path.join(__dirname, `../../../i18n/${locale}/code.json`), 'utf8')) as Record<
    string,
    {message: string}
  >;
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Sandbox card translations', () => {
  it('finds the card\u2019s strings', () => {
    expect(ids.length).toBeGreaterThan(15);
  });

  it.each(ids)('%s exists in it and en, with the same placeholders, and differs in English', (id) => {
    const it = catalog('it')[id];
    const en = catalog('en')[id];
    expect(it, `i18n/it/code.json ${id}`).toBeDefined();
    expect(en, `i18n/en/code.json ${id}`).toBeDefined();
    expect(placeholders(en?.message ?? '')).toStrictEqual(placeholders(it?.message ?? ''));
    expect(en?.message).not.toBe(it?.message);
    // The Italian catalogue holds the source text written in the component.
    expect(source).toContain(JSON.stringify(it?.message).slice(1, -1).replace(/\\"/g, '"'));
  });
});
