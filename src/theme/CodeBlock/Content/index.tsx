import {useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import type {Props} from '@theme/CodeBlock/Content';
import {codeLinesHtml, tokenizeCode} from '@site/src/lib/codeHtml';
// The theme's own styles for the markup this component reproduces.
import contentStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import lineStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Line/styles.module.css';

/**
 * The theme's code-block content, with the lines as one HTML string instead of a component per
 * line and per token (see src/lib/codeHtml.ts). Same markup, same classes; the server renders it,
 * hydration keeps it, and a page reached by client-side navigation gets it from the same string.
 */
export default function CodeBlockContent({className}: Props): ReactNode {
  const {metadata, wordWrap} = useCodeBlockContext();
  const {code, language, lineNumbersStart, lineClassNames} = metadata;
  const showLineNumbers = lineNumbersStart !== undefined;
  // One object per code: React compares dangerouslySetInnerHTML by identity and rewrites the
  // block on any new one. The metadata (lineClassNames with it) is a new object on every render
  // of the block, such as the word-wrap check's right after hydration, so key on its contents.
  const lineClassNamesKey = JSON.stringify(lineClassNames);
  const html = useMemo(
    () => ({
      __html: codeLinesHtml(tokenizeCode(code, language), {
        lineClassNames,
        showLineNumbers,
        classes: {
          codeLine: lineStyles.codeLine!,
          codeLineNumber: lineStyles.codeLineNumber!,
          codeLineContent: lineStyles.codeLineContent!,
        },
      }),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lineClassNamesKey stands for lineClassNames
    [code, language, lineClassNamesKey, showLineNumbers],
  );
  return (
    <pre
      ref={wordWrap.codeBlockRef}
      // As the theme: scrollable code must be reachable by keyboard.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={clsx(className, 'prism-code', `language-${language.toLowerCase()}`, contentStyles.codeBlock, 'thin-scrollbar')}>
      <code
        className={clsx(contentStyles.codeBlockLines, showLineNumbers && contentStyles.codeBlockLinesWithNumbering)}
        style={showLineNumbers ? {counterReset: `line-count ${lineNumbersStart - 1}`} : undefined}
        dangerouslySetInnerHTML={html}
      />
    </pre>
  );
}
