/**
 * The in-page git playground on lesson 02, in both locales, with stackblitz.com unreachable:
 * - nothing of the playground (its code, xterm, the engine, the phase's data) is downloaded
 *   before its button is pressed;
 * - on the exercise's card, the lesson's blocks of phases 3-7, copied with each block's copy
 *   button and pasted into the terminal, leave a repository whose branch diagram has the
 *   branches, tags and merges of the lesson's final diagram (the learner's repository read back
 *   from IndexedDB and summarised by the diagram's own code, against the page's last gitGraph);
 * - the checklist ticks every goal the page can check, and sends the tests to the sandbox;
 * - a reload keeps the repository, Reset restores the phase; `edit` opens the editor; Escape
 *   leaves the terminal; node is refused in one line;
 * - axe finds nothing in the card with the playground open, light and dark;
 * - screenshots after the exercise: 1366 and 390 px, light and dark, in test-results/screenshots/.
 */
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {waitForHydration, type Theme} from './support/browser';
import {axeViolations} from './support/axe';
import {localePath, locales, screenshotDir, type Locale} from './support/env';
import {watchProblems} from './support/problems';
import {failScriptsContaining} from './support/scripts';
import {MemoryFs} from '../packages/sandbox-git/src/index.js';
import {lessonFences} from '../scripts/lesson-runner/extract';
import {readExampleFile} from '../examples/readExample';
import {exercises} from '../examples/ecommerce/exercises';
import {projectDir} from '../src/lib/playgroundRepo/seed';
import {restoreSnapshot, type PlaygroundSnapshot} from '../src/lib/playgroundRepo/snapshot';
import {readRepoGraph} from '../src/lib/repoGraph/read';
import {gitGraphSummary, graphSummary} from '../src/lib/repoGraph/summary';

const site = useServedSite();
const LESSON = '/docs/lessons/hotfix-workflow';
const SOURCE: Record<Locale, string> = {
  it: 'docs/lessons/02-hotfix-workflow.mdx',
  en: 'i18n/en/docusaurus-plugin-content-docs/current/lessons/02-hotfix-workflow.mdx',
};
/** The exercise's card (issue 18's `02-exercise`); the alert's phase where it does not exist yet. */
const PHASE = '02-exercise' in exercises ? '02-exercise' : '02-before-fix';
const BUTTON: Record<Locale, string> = {it: 'Prova nel browser', en: 'Try it in your browser'};
const COPY: Record<Locale, string> = {it: 'Copia il codice negli appunti', en: 'Copy code to clipboard'};
/** Strings only the playground's own code has: xterm's and the component's (which carries the engine). */
const PLAYGROUND_CODE = ['xterm-helper-textarea', 'playground-redraw'];
const PHASE_HEADINGS = [3, 4, 5, 6, 7].map((n) => `phase-${n}-`);

const card = (page: Page) => page.locator(`section[data-sandbox-phase="${PHASE}"]`);
const playground = (page: Page) => page.locator(`[data-playground="${PHASE}"]`);

interface Traffic {
  scripts: {url: string; body: string}[];
  urls: string[];
}

async function openLesson(locale: Locale, theme: Theme, width = 1366): Promise<{page: Page; traffic: Traffic}> {
  const page = await site.browser.newPage(theme);
  await page.setViewportSize({width, height: width > 500 ? 900 : 844});
  const traffic: Traffic = {scripts: [], urls: []};
  await page.route('https://stackblitz.com/**', (route) => route.abort('internetdisconnected'));
  page.on('request', (request) => traffic.urls.push(request.url()));
  page.on('response', async (response) => {
    if (!['script', 'stylesheet'].includes(response.request().resourceType())) return;
    traffic.scripts.push({url: response.url(), body: await response.text().catch(() => '')});
  });
  // What the copy buttons hand the clipboard (headless Chromium has no clipboard to read back).
  await page.addInitScript(() => {
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as {__copied: string}).__copied = text;
    };
  });
  await page.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
  await waitForHydration(page);
  return {page, traffic};
}

async function openPlayground(page: Page, locale: Locale): Promise<void> {
  await card(page).scrollIntoViewIfNeeded();
  await card(page).getByRole('button', {name: BUTTON[locale]}).click();
  await page.locator(`[data-playground="${PHASE}"][data-playground-status="ready"]`).waitFor({timeout: 60_000});
}

/** Waits until everything typed or pasted so far has run. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.getAttribute('data-playground-pending') === '0',
    `[data-playground="${PHASE}"]`,
    {timeout: 120_000},
  );
}

/** Pastes `text` into the terminal as a browser paste does, then presses Enter, as a learner. */
async function paste(page: Page, text: string): Promise<void> {
  const input = playground(page).locator('.xterm-helper-textarea');
  await input.focus();
  await input.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
  }, text);
  await page.keyboard.press('Enter');
  await idle(page);
}

async function type(page: Page, line: string): Promise<void> {
  await playground(page).locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await idle(page);
}

/** The bash blocks to run under a heading whose id starts with `prefix`, as their copy buttons give them. */
async function blocksUnder(page: Page, locale: Locale, prefix: string): Promise<string[]> {
  const indices = await page.evaluate((prefix) => {
    const heading = Array.from(document.querySelectorAll('article h3[id]')).find((h) => h.id.startsWith(prefix));
    if (!heading) return [];
    const headings = Array.from(document.querySelectorAll('article h2, article h3'));
    const next = headings[headings.indexOf(heading) + 1];
    const blocks = Array.from(document.querySelectorAll('article .theme-code-block'));
    return blocks
      .map((block, index) => ({block, index}))
      .filter(
        ({block}) =>
          heading.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING &&
          (!next || next.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_PRECEDING) &&
          block.classList.contains('language-bash') &&
          !block.classList.contains('code-block-norun'),
      )
      .map(({index}) => index);
  }, prefix);
  const codes: string[] = [];
  for (const index of indices) {
    const block = page.locator('article .theme-code-block').nth(index);
    await block.scrollIntoViewIfNeeded();
    await block.getByRole('button', {name: COPY[locale]}).click();
    codes.push(await page.evaluate(() => (window as unknown as {__copied: string}).__copied));
  }
  return codes;
}

/** The learner's repository as the playground stored it in IndexedDB. */
async function storedRepository(page: Page, locale: Locale): Promise<MemoryFs> {
  const stored = await page.evaluate(
    (key) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('corso-git-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('repositories').objectStore('repositories').get(key);
          get.onsuccess = () => {
            const value = get.result as {nodes: [string, {data?: Uint8Array}][]} & Record<string, unknown>;
            resolve({...value, nodes: value.nodes.map(([p, node]) => [p, {...node, data: node.data ? Array.from(node.data) : undefined}])});
          };
          get.onerror = () => reject(get.error);
        };
      }),
    `${locale}/${PHASE}`,
  );
  const snapshot = stored as PlaygroundSnapshot & {nodes: [string, {data?: number[]}][]};
  const nodes = snapshot.nodes.map(([p, node]) => {
    const {data, ...rest} = node;
    return [p, data ? {...rest, data: Uint8Array.from(data)} : rest];
  });
  return restoreSnapshot({...snapshot, nodes} as unknown as PlaygroundSnapshot);
}

const box = playground;
/** The diagram's text twin (its <details> may be closed: textContent, not innerText). */
const twin = async (page: Page) => ((await playground(page).locator('[data-playground-diagram] pre').textContent()) ?? '').trim();

/** The lesson's last gitGraph, from the page's own source in that locale. */
function lastGitGraph(locale: Locale): string {
  const mdx = readFileSync(path.resolve(__dirname, '..', SOURCE[locale]), 'utf8');
  const graphs = lessonFences(mdx, readExampleFile).filter((f) => f.lang === 'mermaid' && /^\s*gitGraph/.test(f.code));
  return graphs[graphs.length - 1]!.code;
}

/** The element in a full-page capture (so the sticky navbar stays at the page's top, not over it). */
async function screenshot(target: Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, {recursive: true});
  // From the page's top: a full-page capture draws the sticky navbar where the page is scrolled.
  const clip = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const box = {x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height};
    window.scrollTo(0, 0);
    return box;
  });
  await target.page().screenshot({path: path.join(screenshotDir, name), fullPage: true, clip});
}

describe.each(locales)('the playground on lesson 02 (%s)', (locale) => {
  it('says so when its code cannot be downloaded, and keeps its button for another try', async () => {
    const page = await site.browser.newPage('light');
    const failed = await failScriptsContaining(page, site.server.origin, 'playground-redraw');
    await page.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
    await waitForHydration(page);
    await card(page).scrollIntoViewIfNeeded();
    const button = card(page).getByRole('button', {name: BUTTON[locale]});
    await button.click();
    await expect.poll(() => card(page).locator('[role="alert"]').innerText()).toMatch(
      locale === 'it' ? /Non è stato possibile scaricare il playground/ : /The playground could not be downloaded/,
    );
    expect(failed.length, 'the playground chunk was requested and failed').toBeGreaterThan(0);
    expect(await button.isVisible()).toBe(true);
    expect(await axeViolations(page, `[data-sandbox-phase="${PHASE}"]`)).toEqual([]);
    await page.close();
  });

  it('downloads nothing before the click; runs the lesson\'s phases 3-7 pasted; ticks the checklist; keeps the repository; resets; axe-clean in both themes', async () => {
    const {page, traffic} = await openLesson(locale, 'light');
    const problems = watchProblems(page, site.server.origin);
    await card(page).scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    const carrying = (scripts: Traffic['scripts']) => scripts.filter((s) => PLAYGROUND_CODE.some((m) => s.body.includes(m))).map((s) => s.url);
    expect(carrying(traffic.scripts), 'scripts or styles with the playground\'s code (xterm\'s CSS too) before the click').toEqual([]);
    expect(traffic.urls.filter((u) => u.includes('.playground.json')), 'playground data before the click').toEqual([]);

    await openPlayground(page, locale);
    expect(carrying(traffic.scripts).length, 'the playground\'s code, after the click').toBeGreaterThan(0);
    expect(traffic.urls.filter((u) => u.endsWith(`/sandbox/${PHASE}.playground.json`))).toHaveLength(1);
    expect(traffic.urls.filter((u) => u.startsWith('https://stackblitz.com')), 'the playground never calls StackBlitz').toEqual([]);
    const initialTwin = await twin(page);
    expect(initialTwin).toMatch(/\(HEAD -> \S+/);

    // node is refused in one line, in the page's language, pointing to the sandbox.
    await type(page, 'node test-payment.js');
    await expect.poll(() => playground(page).locator('.xterm-rows').innerText()).toMatch(
      locale === 'it' ? /node non c’è nel playground del browser/ : /node is not in the browser playground/,
    );
    // edit opens the editor with the file's text; Cancel leaves it unchanged.
    await box(page).locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('edit src/payment/paymentProcessor.js');
    await page.keyboard.press('Enter');
    const editor = playground(page).locator('[data-playground-editor] textarea');
    await editor.waitFor();
    expect(await editor.inputValue()).toContain('class PaymentProcessor');
    await playground(page).getByRole('button', {name: locale === 'it' ? 'Annulla' : 'Cancel'}).click();
    await idle(page);

    // The alert's phase is on main: the lesson's phase 1 block creates the hotfix branch first.
    const blocks: string[] = [];
    if (!/HEAD -> hotfix\//.test(initialTwin)) blocks.push(...(await blocksUnder(page, locale, 'phase-1-')));
    for (const prefix of PHASE_HEADINGS) blocks.push(...(await blocksUnder(page, locale, prefix)));
    expect(blocks.length, 'the bash blocks of phases 3-7').toBeGreaterThanOrEqual(5);
    expect(blocks.join('\n')).toContain("cat > src/payment/paymentProcessor.js << 'EOF'");
    for (const block of blocks) await paste(page, block);

    // The diagram's branches, tags and merges are the lesson's final diagram's.
    const fs = await storedRepository(page, locale);
    const summary = graphSummary(await readRepoGraph({fs, dir: projectDir(PHASE)}));
    const lesson = gitGraphSummary(lastGitGraph(locale), {deleted: ['hotfix/payment-timeout-fix']});
    expect(summary.branches).toEqual(lesson.branches);
    expect(summary.tags).toEqual(lesson.tags);
    expect(summary.merges).toEqual(lesson.merges);
    await expect.poll(() => twin(page)).toMatch(/tag: hotfix-v1\.0\.1/);
    // The drawing, redrawn after the last command: branch names and the tag as SVG text.
    const labels = await playground(page).locator('[data-playground-diagram] svg text').allTextContents();
    for (const name of [...lesson.branches, ...lesson.tags.map((t) => t.name)]) expect(labels).toContain(name);

    // The checklist: every goal the page can check is met; the tests' goal points to the sandbox.
    const exercise = exercises[PHASE]!;
    const checklist = playground(page).locator('[data-playground-checklist]');
    for (const goal of exercise.goals) {
      await expect.poll(() => checklist.locator(`[data-goal="${goal.id}"]`).getAttribute('data-status'), {message: goal.id}).toBe(goal.needsTests ? 'skipped' : 'met');
      if (goal.needsTests) expect(await checklist.locator(`[data-goal="${goal.id}"]`).innerText()).toContain('npm test');
    }

    const finalTwin = await twin(page);
    await screenshot(playground(page), `playground-${locale}-light.png`);
    expect(await axeViolations(page, `[data-sandbox-phase="${PHASE}"]`), 'axe, light, playground open').toEqual([]);

    // Escape leaves the terminal, to the next control (Reset); Shift+Tab to the one before it.
    const resetLabel = locale === 'it' ? 'Ripristina la fase' : 'Reset the phase';
    const focused = () => page.evaluate(() => ({tag: document.activeElement?.tagName, text: (document.activeElement as HTMLElement | null)?.innerText ?? ''}));
    await playground(page).locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Escape');
    expect(await focused()).toEqual({tag: 'BUTTON', text: resetLabel});
    await playground(page).locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).tag).not.toBe('TEXTAREA');

    // A reload keeps the repository.
    await page.reload();
    await waitForHydration(page);
    await openPlayground(page, locale);
    await expect.poll(() => twin(page)).toBe(finalTwin);
    expect(problems.stop()).toEqual([]);
    await page.close();
    // On a phone, as a phone opens it (the diagram shows its right end, the columns, on load).
    const phone = await openLesson(locale, 'light', 390);
    await openPlayground(phone.page, locale);
    await expect.poll(() => twin(phone.page)).toBe(finalTwin);
    await screenshot(playground(phone.page), `playground-${locale}-light-phone.png`);
    await phone.page.close();

    // Dark: the same repository (the same browser profile), axe-clean; then Reset restores the phase.
    for (const width of [1366, 390]) {
      const dark = await openLesson(locale, 'dark', width);
      await openPlayground(dark.page, locale);
      await expect.poll(() => twin(dark.page)).toBe(finalTwin);
      await screenshot(playground(dark.page), `playground-${locale}-dark${width < 500 ? '-phone' : ''}.png`);
      if (width > 500) {
        expect(await axeViolations(dark.page, `[data-sandbox-phase="${PHASE}"]`), 'axe, dark, playground open').toEqual([]);
      } else {
        await playground(dark.page).getByRole('button', {name: locale === 'it' ? 'Ripristina la fase' : 'Reset the phase'}).click();
        await playground(dark.page).getByRole('button', {name: locale === 'it' ? 'Ripristina' : 'Reset', exact: true}).click();
        await expect.poll(() => twin(dark.page)).toBe(initialTwin);
        await dark.page.reload();
        await waitForHydration(dark.page);
        await openPlayground(dark.page, locale);
        await expect.poll(() => twin(dark.page)).toBe(initialTwin);
      }
      await dark.page.close();
    }
  });
});
