import type {Page} from 'playwright-core';

// Mermaid diagrams as the swizzled @theme/Mermaid renders them: a wrapper
// [data-mermaid] present from the server render, whose state becomes
// "rendered" (an <svg> inside) or "error".

export interface DiagramReport {
  count: number;
  problems: string[];
}

export async function checkDiagrams(page: Page, mode: 'light' | 'dark'): Promise<DiagramReport> {
  // Wait until no diagram is still rendering (a failure turns into "error").
  await page
    .waitForFunction(() => !document.querySelector('[data-mermaid="pending"]'), undefined, {
      timeout: 30_000,
    })
    .catch(() => {});
  return page.evaluate((expectedMode) => {
    const problems: string[] = [];
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('[data-mermaid]'));
    blocks.forEach((block, i) => {
      const n = `diagram #${i + 1}`;
      const state = block.dataset.mermaid;
      const svg = block.querySelector('svg');
      const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (state !== 'rendered') problems.push(`${n} is "${state}": ${text.slice(0, 200)}`);
      else if (!svg) problems.push(`${n} has no <svg>`);
      else if (svg.getAttribute('aria-roledescription') === 'error' || /Syntax error/i.test(text))
        problems.push(`${n} is Mermaid's error diagram: ${text.slice(0, 200)}`);
      else if (block.dataset.mermaidMode !== expectedMode)
        problems.push(`${n} was rendered for "${block.dataset.mermaidMode}" mode, expected "${expectedMode}"`);
      else if (svg.getBoundingClientRect().width < 10) problems.push(`${n} has an empty <svg>`);
    });
    // Mermaid can leave its error SVG elsewhere in the body (#d<id>).
    const stray = document.querySelector('svg[aria-roledescription="error"]');
    if (stray && !blocks.some((b) => b.contains(stray)))
      problems.push(`Mermaid error diagram outside any block: ${(stray.textContent ?? '').slice(0, 200)}`);
    return {count: blocks.length, problems};
  }, mode);
}
