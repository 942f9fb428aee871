import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {LESSON_DIRS, parseInlineText, readCourseLessons, withoutCourseFrontMatter} from './catalog';

const siteDir = path.resolve(__dirname, '../../..');

describe('the course catalog of the real lessons', () => {
  const it_ = readCourseLessons(siteDir, 'it');
  const en = readCourseLessons(siteDir, 'en');

  it('lists every lesson once per locale, in course order, at the same paths', () => {
    expect(it_.map((l) => l.id)).toEqual(['01-feature-branch', '02-hotfix-workflow', '03-experimentation']);
    expect(en.map((l) => [l.id, l.number, l.path])).toEqual(it_.map((l) => [l.id, l.number, l.path]));
    expect(it_[0]).toMatchObject({number: '01', name: 'Feature Branch', path: '/docs/lessons/feature-branch'});
  });

  it('has each lesson in its own language', () => {
    const text = (lessons: typeof it_) => lessons.map((l) => [l.workflow, l.learn.map((r) => r.text).join('')]);
    for (const [i, [workflow, learn]] of text(en).entries()) {
      expect(workflow).not.toBe(text(it_)[i]![0]);
      expect(learn).not.toBe(text(it_)[i]![1]);
    }
  });
});

describe('reading a lesson', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, {recursive: true, force: true});
  });
  const site = (files: Record<string, string>): string => {
    dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };
  const lesson = (frontMatter: string) => `---\n${frontMatter}\n---\n\n# Lesson\n`;
  const complete = 'title: 04 - Release\ncourse:\n  workflow: Release\n  when: a version to stabilise\n  learn: Cut `release/1.0`.';

  it('reads number, name, path and the course fields', () => {
    const root = site({[`${LESSON_DIRS.it}/04-release.mdx`]: lesson(complete), [`${LESSON_DIRS.en}/04-release.mdx`]: lesson(complete)});
    expect(readCourseLessons(root, 'en')).toEqual([
      {
        id: '04-release',
        number: '04',
        name: 'Release',
        title: '04 - Release',
        path: '/docs/lessons/release',
        workflow: 'Release',
        when: [{text: 'a version to stabilise'}],
        learn: [{text: 'Cut '}, {text: 'release/1.0', code: true}, {text: '.'}],
        file: `${LESSON_DIRS.en}/04-release.mdx`,
      },
    ]);
  });

  it('names the file to add when a lesson has no English twin', () => {
    const root = site({[`${LESSON_DIRS.it}/04-release.mdx`]: lesson(complete)});
    expect(() => readCourseLessons(root, 'en')).toThrow(
      `docs/lessons/04-release.mdx has no English twin: add ${LESSON_DIRS.en}/04-release.mdx`,
    );
  });

  it('names the file and the key a lesson lacks', () => {
    const root = site({[`${LESSON_DIRS.it}/04-release.mdx`]: lesson('title: 04 - Release\ncourse:\n  workflow: Release\n  when: now')});
    expect(() => readCourseLessons(root, 'it')).toThrow('docs/lessons/04-release.mdx: the front matter has no `course.learn`');
    const untitled = site({[`${LESSON_DIRS.it}/04-release.mdx`]: lesson('title: Release')});
    expect(() => readCourseLessons(untitled, 'it')).toThrow('must start with "04 - "');
    const noCourse = site({[`${LESSON_DIRS.it}/04-release.mdx`]: lesson('title: 04 - Release')});
    expect(() => readCourseLessons(noCourse, 'it')).toThrow('has no `course:` block');
  });
});

describe('inline text', () => {
  it('splits code spans and refuses an unbalanced backtick', () => {
    expect(parseInlineText('`a` b')).toEqual([{text: 'a', code: true}, {text: ' b'}]);
    expect(() => parseInlineText('a `b')).toThrow('unbalanced');
  });
});

describe('the front matter pages get', () => {
  it('has no course block', () => {
    const parsed = {frontMatter: {title: 't', course: {workflow: 'w'}}, content: 'x'};
    expect(withoutCourseFrontMatter(parsed)).toEqual({frontMatter: {title: 't'}, content: 'x'});
  });
});
