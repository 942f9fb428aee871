/** Inline text: plain runs and `code` runs, in order (a lesson's front matter, an exercise's goals). */
export type InlineText = {text: string; code?: true}[];

/** `a \`b\` c` -> [{text: 'a '}, {text: 'b', code: true}, {text: ' c'}]. */
export function parseInlineText(text: string): InlineText {
  const runs: InlineText = [];
  text.split('`').forEach((part, i) => {
    if (part === '') return;
    runs.push(i % 2 === 1 ? {text: part, code: true} : {text: part});
  });
  if (text.split('`').length % 2 === 0) throw new Error(`unbalanced \` in ${JSON.stringify(text)}`);
  return runs;
}
