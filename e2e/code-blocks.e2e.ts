import type {Locator, Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {waitForHydration} from './support/browser';
import {localePath, locales, type Locale} from './support/env';
import {watchProblems} from './support/problems';
import {useServedSite} from './support/site';
import {watchScripts} from './support/mermaid';
import {verbatimLine} from './support/code';

// A doc's code is in its HTML but not in its JavaScript (src/plugins/code-modules): a block
// hydrated from the HTML copies the code its lines show, and only a block without server lines
// downloads the strings (see also lazy-modules.e2e.ts).
//
// The copy and word-wrap buttons of a code block. They mount when the block comes near the
// viewport, or takes focus or the pointer, not for every block on load (that was a lesson's longest
// main-thread task after hydration): a reader who reaches a block by scrolling, by keyboard or by
// pointer finds them there, in the page's language, and they work.

const site = useServedSite();
const LESSON = '/docs/lessons/hotfix-workflow';
const COPY_LABEL: Record<Locale, string> = {it: 'Copia il codice negli appunti', en: 'Copy code to clipboard'};
const COPIED: Record<Locale, string> = {it: 'Copiato', en: 'Copied'};
const WRAP_LABEL: Record<Locale, string> = {it: 'Attiva/disattiva a capo automatico', en: 'Toggle word wrap'};

async function openLesson(page: Page, locale: Locale): Promise<void> {
  await page.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle', {timeout: 10_000}).catch(() => {});
}

const blocks = (page: Page) => page.locator('article .theme-code-block');
const buttonsOf = (block: Locator) => block.locator('button');

/** Resolves once the browser has rendered a frame (and so laid out what came into view). */
const afterNextFrame = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Whether the block's code is wider than its box, measured by the test on a block in view. */
const overflows = (block: Locator) => block.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth);

describe('code-block buttons', () => {
  for (const locale of locales) {
    it(`${locale}: on load only blocks near the viewport have them; scrolling to a block brings them, and copy copies its code`, async () => {
      const page = await site.browser.newPage();
      const problems = watchProblems(page, site.server.origin);
      // What the button hands the clipboard (headless Chromium has no clipboard to read back).
      await page.addInitScript(() => {
        navigator.clipboard.writeText = async (text: string) => {
          (window as unknown as {__copied: string}).__copied = text;
        };
      });
      await openLesson(page, locale);

      const count = await blocks(page).count();
      expect(count, 'code blocks in the lesson').toBeGreaterThan(10);
      const far = await blocks(page).evaluateAll(
        (els) => els.filter((el) => el.getBoundingClientRect().top > 2 * window.innerHeight).length,
      );
      const farWithButtons = await blocks(page).evaluateAll(
        (els) => els.filter((el) => el.getBoundingClientRect().top > 2 * window.innerHeight && el.querySelector('button')).length,
      );
      expect(far, 'blocks more than a screen below the fold').toBeGreaterThan(5);
      expect(farWithButtons, 'far blocks with buttons right after load').toBe(0);

      const last = blocks(page).last();
      await last.scrollIntoViewIfNeeded();
      const copy = last.getByRole('button', {name: COPY_LABEL[locale]});
      await copy.waitFor({timeout: 5_000});
      await copy.click();
      const code = await last.locator('code').evaluate((el) => (el as HTMLElement).innerText.replace(/\n$/, ''));
      expect(await page.evaluate(() => (window as unknown as {__copied?: string}).__copied)).toBe(code);
      await expect.poll(() => last.getByRole('button', {name: COPIED[locale]}).count(), {message: 'the button says it copied'}).toBe(1);

      expect(problems.stop()).toEqual([]);
      await page.close();
    });
  }

  for (const locale of locales) {
    it(`${locale}: the page's scripts carry no code; a block near the viewport gets its buttons without downloading it, and nothing on screen changes`, async () => {
      const page = await site.browser.newPage();
      await page.setViewportSize({width: 412, height: 823});
      const problems = watchProblems(page, site.server.origin);
      const scripts = watchScripts(page, site.server.origin);
      await openLesson(page, locale);
      const last = blocks(page).last();
      const line = await verbatimLine(last);
      expect(await scripts.scriptsContaining(line), `scripts carrying "${line}" on load`).toEqual([]);

      // The block as served, watched while its code arrives.
      const served = await last.locator('code').innerHTML();
      await last.locator('code').evaluate((el) => {
        const changes: MutationRecord[] = [];
        (window as unknown as {__codeChanges: MutationRecord[]}).__codeChanges = changes;
        new MutationObserver((records) => changes.push(...records)).observe(el, {
          childList: true,
          characterData: true,
          subtree: true,
          attributes: true,
        });
      });
      await last.scrollIntoViewIfNeeded();
      await last.getByRole('button', {name: COPY_LABEL[locale]}).waitFor({timeout: 5_000});
      await page.waitForLoadState('networkidle', {timeout: 10_000}).catch(() => {});
      // Copy takes the code from the lines on screen: nothing to download for it.
      expect(await scripts.scriptsContaining(line), 'scripts carrying the code after its buttons came').toEqual([]);
      expect(await page.evaluate(() => (window as unknown as {__codeChanges: unknown[]}).__codeChanges.length)).toBe(0);
      expect(await last.locator('code').innerHTML()).toBe(served);
      expect(problems.stop()).toEqual([]);
      await page.close();
    });
  }

  it('a block whose server lines are missing (as on the dev server) downloads its code and shows it', async () => {
    const url = `${site.server.origin}${LESSON}`;
    const served = await site.browser.newPage();
    await served.goto(url);
    const servedLines = await blocks(served).last().locator('.token-line').allTextContents();
    await served.close();
    expect(servedLines.length).toBeGreaterThan(1);

    const page = await site.browser.newPage();
    const problems = watchProblems(page, site.server.origin);
    // The lesson's HTML with the last block's lines taken out (far off-screen: nothing else
    // would ask for its code).
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /(<pre[^>]*><code[^>]*>)(?:(?!<\/code>)[\s\S])*(<\/code>)(?![\s\S]*<pre[^>]*><code)/,
        '$1$2',
      );
      await route.fulfill({response, body: html});
    });
    await page.goto(url);
    await waitForHydration(page);
    await expect
      .poll(() => blocks(page).last().locator('.token-line').allTextContents(), {timeout: 10_000})
      .toEqual(servedLines);
    expect(problems.stop()).toEqual([]);
    await page.close();
  });

  it('the word-wrap button shows while a block overflows, wraps its code, and leaves when the window grows wide enough', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize({width: 412, height: 823});
    await openLesson(page, 'en');
    const count = await blocks(page).count();
    const visited = Array.from({length: 5}, (_, k) => count - 1 - k);

    // On a phone: a block has the button exactly when its code overflows, and it wraps the code.
    let wide: Locator | undefined;
    for (const i of visited) {
      const block = blocks(page).nth(i);
      await block.scrollIntoViewIfNeeded();
      await block.getByRole('button', {name: COPY_LABEL.en}).waitFor({timeout: 5_000});
      await afterNextFrame(page);
      const hasWrap = (await block.getByRole('button', {name: WRAP_LABEL.en}).count()) === 1;
      expect(hasWrap, `word-wrap button on block ${i}`).toBe(await overflows(block));
      if (hasWrap) wide ??= block;
    }
    if (!wide) throw new Error('no code block overflows a phone screen');
    const wrap = wide.getByRole('button', {name: WRAP_LABEL.en});
    await wrap.scrollIntoViewIfNeeded();
    await wrap.click();
    expect(await overflows(wide), 'code still overflows after word wrap').toBe(false);
    await wrap.click();
    expect(await overflows(wide), 'code unwrapped again').toBe(true);

    // On a wide window each of those blocks is measured again: one whose code now fits has no
    // button any more.
    await page.setViewportSize({width: 1280, height: 900});
    let fitting: Locator | undefined;
    for (const i of visited) {
      const block = blocks(page).nth(i);
      await block.scrollIntoViewIfNeeded();
      await afterNextFrame(page);
      if (!(await overflows(block))) fitting ??= block;
    }
    if (!fitting) throw new Error('none of the blocks fits a wide window');
    await expect
      .poll(() => fitting.getByRole('button', {name: WRAP_LABEL.en}).count(), {
        message: 'word-wrap button on code that fits',
      })
      .toBe(0);
    expect(await fitting.getByRole('button', {name: COPY_LABEL.en}).count(), 'copy button kept').toBe(1);
    await page.close();
  });

  it('a block reached by keyboard has its buttons next in the tab order', async () => {
    const page = await site.browser.newPage();
    await openLesson(page, 'it');
    const last = blocks(page).last();
    expect(await buttonsOf(last).count(), 'buttons before the block is reached').toBe(0);
    await last.locator('pre').focus();
    await buttonsOf(last).first().waitFor({timeout: 5_000});
    await page.keyboard.press('Tab');
    const focusedInBlock = await last.evaluate((el) => el.contains(document.activeElement) && document.activeElement?.tagName);
    expect(focusedInBlock).toBe('BUTTON');
    await page.close();
  });
});
