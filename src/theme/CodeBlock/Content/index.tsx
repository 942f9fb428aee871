import {useEffect, useMemo, useRef, type ReactNode} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import type {Props} from '@theme/CodeBlock/Content';
import {codeLinesHtml, tokenizeCode} from '@site/src/lib/codeHtml';
import {KEEP_SERVER_MARKUP, useHydratedFromServer, useKeepServerMarkup} from '@site/src/hooks/useHydratedFromServer';
import {usePendingCode} from '@site/src/hooks/pendingCode';
import {codeLineCount} from '@site/src/lib/codeLines';
// The theme's own styles for the markup this component reproduces.
import contentStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import lineStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Line/styles.module.css';
import styles from './styles.module.css';

const PENDING_CONTENT = 'pending';

/**
 * The theme's code-block content, with the lines as one HTML string instead of a component per
 * line and per token (see src/lib/codeHtml.ts). Same markup, same classes; the server renders it,
 * hydration keeps it without tokenizing the code again, and a block mounted in the browser (a page
 * reached by client-side navigation) renders the same string there.
 */
export default function CodeBlockContent({className}: Props): ReactNode {
  const {metadata, wordWrap} = useCodeBlockContext();
  const {code, language, lineNumbersStart, lineClassNames} = metadata;
  const showLineNumbers = lineNumbersStart !== undefined;
  // The metadata (lineClassNames with it) is a new object on every render of the block, such as
  // the word-wrap check's right after hydration: key the HTML on its contents.
  const lineClassNamesKey = JSON.stringify(lineClassNames);
  const contentKey = JSON.stringify([code, language, lineClassNamesKey, showLineNumbers]);

  // A block whose code is not downloaded (src/plugins/code-modules: @theme/StaticCode) has none here.
  const pending = usePendingCode();

  // The content the server rendered and hydration kept, if any. Hydrated without its code, the
  // block adopts the code when it arrives: it is what the server rendered.
  const hydratedContent = useRef(useHydratedFromServer() ? (pending ? PENDING_CONTENT : contentKey) : '');
  if (hydratedContent.current === PENDING_CONTENT && !pending) hydratedContent.current = contentKey;
  const codeRef = useRef<HTMLElement>(null);
  const keepServerLines = useKeepServerMarkup(
    codeRef,
    hydratedContent.current === contentKey || (hydratedContent.current === PENDING_CONTENT && pending !== null),
  );

  // Nothing to keep (no server HTML, or hydration fell back to rendering): the code is needed now.
  useEffect(() => {
    if (pending && !keepServerLines) pending.request();
  }, [pending, keepServerLines]);

  const html = useMemo(
    () =>
      keepServerLines
        ? KEEP_SERVER_MARKUP
        : {
            __html: codeLinesHtml(tokenizeCode(code, language), {
              lineClassNames,
              showLineNumbers,
              classes: {
                codeLine: lineStyles.codeLine!,
                codeLineNumber: lineStyles.codeLineNumber!,
                codeLineContent: lineStyles.codeLineContent!,
              },
            }),
          },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- contentKey stands for the inputs
    [keepServerLines, contentKey],
  );
  const lineCount = pending ? pending.lines : codeLineCount(metadata.codeInput);
  return (
    <pre
      ref={wordWrap.codeBlockRef}
      // As the theme: scrollable code must be reachable by keyboard.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={clsx(
        className,
        'prism-code',
        `language-${language.toLowerCase()}`,
        contentStyles.codeBlock,
        'thin-scrollbar',
        styles.deferredLayout,
      )}
      // Until laid out, the block is as tall as its lines (the theme's line height) and the
      // code element's padding.
      style={{
        containIntrinsicBlockSize: `auto calc(${lineCount} * var(--ifm-pre-line-height) * 1em + 2 * var(--ifm-pre-padding))`,
      }}>
      <code
        ref={codeRef}
        className={clsx(contentStyles.codeBlockLines, showLineNumbers && contentStyles.codeBlockLinesWithNumbering)}
        style={showLineNumbers ? {counterReset: `line-count ${lineNumbersStart - 1}`} : undefined}
        dangerouslySetInnerHTML={html}
      />
    </pre>
  );
}
