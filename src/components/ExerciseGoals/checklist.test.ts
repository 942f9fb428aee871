/**
 * The lesson's checklist is the exercise's data: the same goals, in the same order, in the page's
 * language, as `npm run check` verifies. Rendered on the server as the build renders it.
 */
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it, vi} from 'vitest';
import {exercises} from '../../../examples/ecommerce/exercises';
import {exerciseChecklist} from './checklist';

const locale = vi.hoisted(() => ({current: 'it'}));
vi.mock('@docusaurus/useDocusaurusContext', () => ({default: () => ({i18n: {currentLocale: locale.current}})}));
// Translate as the build's: the catalogue's message (here the source text) with its values.
vi.mock('@docusaurus/Translate', async () => {
  const {createElement: h, Fragment} = await import('react');
  return {
    default: ({children, values}: {children: string; values?: Record<string, unknown>}) =>
      h(Fragment, null, ...children.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? (values?.[part.slice(1, -1)] as string) : part))),
  };
});

const plain = (text: string) => text.replace(/`/g, '');
/** The rendered goals: `data-goal` and text (tags dropped, entities decoded). */
function renderedGoals(html: string): {id: string; text: string}[] {
  return [...html.matchAll(/<li data-goal="([^"]+)">(.*?)<\/li>/g)].map((m) => ({
    id: m[1]!,
    text: m[2]!.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  }));
}

describe.each(Object.keys(exercises))('the checklist of %s', (phase) => {
  const exercise = exercises[phase]!;

  it.each(['it', 'en'] as const)('is the exercise\u2019s goals, in order, in the page\u2019s language (%s)', (lang) => {
    const checklist = exerciseChecklist(phase, lang);
    expect(checklist.goals.map((goal) => goal.id)).toEqual(exercise.goals.map((goal) => goal.id));
    expect(checklist.goals.map((goal) => goal.text.map((run) => run.text).join(''))).toEqual(exercise.goals.map((goal) => plain(goal.text[lang])));
    expect(checklist.task.map((run) => run.text).join('')).toBe(plain(exercise.task[lang]));
  });

  it.each(['it', 'en'] as const)('renders every goal, code as code, the tests marked, in %s', async (lang) => {
    locale.current = lang;
    const {default: ExerciseGoals} = await import('./index');
    const html = renderToStaticMarkup(createElement(ExerciseGoals, {phase}));
    // The mocked Translate renders the UI string's Italian source; the goals are in the page's language.
    const byTests = ' (verificato con i test)';
    const expected = exercise.goals.map((goal) => ({id: goal.id, text: plain(goal.text[lang]) + (goal.needsTests ? byTests : '')}));
    expect(renderedGoals(html)).toEqual(expected);
    expect(html).toContain(`data-exercise="${phase}"`);
    expect(html).toMatch(/<code>[^<]+<\/code>/);
  });
});

it('names the known exercises when a page asks for one that does not exist', () => {
  expect(() => exerciseChecklist('02-before-fix', 'it')).toThrow(/no exercise starts from that phase \(exercises: 01-exercise, 02-exercise, 03-exercise\)/);
});
