import {describe, expect, it} from 'vitest';
import {extractLesson, firstLine, lessonFences} from './extract';
import {applyGitlogUpdates, deletedBranches} from './run';

const files: Record<string, string> = {'notes.md': '# Notes\n\n```js\nx();\n```\n', 'a.js': 'a();\n'};
const read = (file: string): string => {
  const content = files[file];
  if (content === undefined) throw new Error(`Example file not found: examples/${file}`);
  return content;
};

const lesson = `---
title: Test
---
import Sandbox from '@site/src/components/Sandbox';

# Title {#title}

<Sandbox phase="02-before-fix" />

\`\`\`bash
cat > notes.md << 'EOF'
%include notes.md
EOF
\`\`\`

:::note[Nota]

\`\`\`\`bash
cat << 'EOF'
\`\`\`
inside
\`\`\`
EOF
\`\`\`\`

:::

<details>
<summary>More</summary>

\`\`\`bash norun
git push --force
\`\`\`

</details>

\`\`\`mermaid
gitGraph
  commit id: "a"
\`\`\`

\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`

\`\`\`text gitlog
* 1234567 (HEAD -> main) a
\`\`\`

\`\`\`js file=a.js
\`\`\`
`;

describe('extractLesson', () => {
  const items = extractLesson(lesson, read);

  it('lists bash blocks, gitGraph diagrams and gitlog blocks in page order, expanded', () => {
    expect(items.map((item) => `${item.kind} ${item.index} @${item.line}`)).toEqual([
      'bash 1 @10',
      'bash 2 @18',
      'bash 3 @31',
      'gitGraph 1 @37',
      'gitlog 1 @47',
    ]);
    expect(items[0]).toMatchObject({code: "cat > notes.md << 'EOF'\n# Notes\n\n```js\nx();\n```\nEOF", norun: false});
  });

  it('reads a 4-backtick fence with a nested fence as one block, inside an admonition', () => {
    expect(items[1]).toMatchObject({code: "cat << 'EOF'\n```\ninside\n```\nEOF", norun: false});
  });

  it('marks norun blocks, also inside JSX', () => {
    expect(items[2]).toMatchObject({norun: true, code: 'git push --force'});
    expect(firstLine('\n\n  # comment\nls')).toBe('# comment');
  });

  it('locates gitlog bodies so they can be rewritten', () => {
    const gitlog = items[4]!;
    if (gitlog.kind !== 'gitlog') throw new Error('not a gitlog block');
    expect(gitlog).toMatchObject({text: '* 1234567 (HEAD -> main) a', bodyStart: 48, bodyEnd: 48, indent: ''});
    const rewritten = applyGitlogUpdates(lesson, [{...gitlog, text: '* abcdef0 (HEAD -> main) b\n* 0000000 a'}]);
    const again = extractLesson(rewritten, read).find((item) => item.kind === 'gitlog');
    expect(again).toMatchObject({text: '* abcdef0 (HEAD -> main) b\n* 0000000 a', bodyStart: 48, bodyEnd: 49});
    expect(rewritten.split('\n').length).toBe(lesson.split('\n').length + 1);
  });

  it('rewrites an empty gitlog block and keeps the indentation of an indented one', () => {
    const source = '- step\n\n  ```text gitlog\n  ```\n';
    const [block] = extractLesson(source, read);
    if (block?.kind !== 'gitlog') throw new Error('not a gitlog block');
    expect(block).toMatchObject({text: '', bodyStart: 4, bodyEnd: 3, indent: '  '});
    expect(applyGitlogUpdates(source, [{...block, text: '* a\n|\n* b'}])).toBe(
      '- step\n\n  ```text gitlog\n  * a\n  |\n  * b\n  ```\n',
    );
  });

  it('accepts what Docusaurus preprocesses: heading ids, old admonition titles', () => {
    const source = '# Titolo {#title}\n\n:::tip Suggerimento\n\n```bash\necho ok\n```\n\n:::\n';
    expect(extractLesson(source, read)).toMatchObject([{kind: 'bash', code: 'echo ok', line: 5}]);
  });

  it('fails on an include that does not exist, like the site build', () => {
    expect(() => extractLesson('```bash\n%include nope.js\n```\n', read)).toThrow('examples/nope.js');
  });
});

describe('lessonFences', () => {
  it('lists every code block in page order, with its meta, expanded, nested fences read as one', () => {
    const fences = lessonFences(lesson, read);
    expect(fences.map(({lang, meta, line}) => `${lang}|${meta}|@${line}`)).toEqual([
      'bash||@10',
      'bash||@18',
      'bash|norun|@31',
      'mermaid||@37',
      'mermaid||@42',
      'text|gitlog|@47',
      'js|file=a.js|@51',
    ]);
    expect(fences[1]?.code).toBe("cat << 'EOF'\n```\ninside\n```\nEOF");
    expect(fences[6]?.code).toBe('a();');
  });
});

describe('deletedBranches', () => {
  it('finds the branches a block deletes, and only those', () => {
    const code = [
      'git branch -d hotfix/payment-timeout-fix',
      '  git branch -D experiment/a experiment/b # archived first',
      'git branch --delete --force old && echo ok',
      'git branch -m main',
      'git branch feature/x',
      'echo "git branch -d not-a-command"',
    ].join('\n');
    expect(deletedBranches(code)).toEqual(['hotfix/payment-timeout-fix', 'experiment/a', 'experiment/b', 'old']);
  });
});
