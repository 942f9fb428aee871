import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

// Every branch diagram of the course is drawn the same way (src/lib/mermaidConfig.ts): top to
// bottom, `main` in the first column and in the first colour. A diagram that set its own gitGraph
// options, or moved a branch's column, would draw `main` elsewhere or in another colour (Mermaid
// colours columns by position), and would lose the layout fixes the browser suite measures.

const root = path.resolve(__dirname, '..');
const FOLDERS = ['docs', 'i18n/en/docusaurus-plugin-content-docs/current', 'src/pages', 'i18n/en/docusaurus-plugin-content-pages'];

const diagrams = FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.mdx'))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(root, folder, file), 'utf8');
      return [...source.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => ({
        where: `${folder}/${file}:${source.slice(0, m.index).split('\n').length}`,
        body: m[1]!,
      }));
    }),
).filter((d) => /^\s*(?:---[\s\S]*?---\s*)?gitGraph\b/.test(d.body));

describe('branch diagrams', () => {
  it('are found on the lessons and the legend', () => {
    expect(diagrams.length).toBeGreaterThan(20);
    expect(diagrams.some((d) => d.where.includes('src/pages/diagrams.mdx'))).toBe(true);
  });

  it('are all drawn top to bottom: `gitGraph TB:`', () => {
    expect(diagrams.filter((d) => !/^gitGraph TB:\s*$/m.test(d.body)).map((d) => d.where)).toEqual([]);
  });

  it('leave layout to the site: no gitGraph options of their own, no branch moved out of its column', () => {
    const own = diagrams
      .filter((d) => /^---[\s\S]*gitGraph:|mainBranchOrder|^\s*branch \S+ order:/m.test(d.body))
      .map((d) => d.where);
    expect(own).toEqual([]);
  });
});
