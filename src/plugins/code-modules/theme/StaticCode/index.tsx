import {useCallback, useMemo, useState, type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import CodeBlock from '@theme/CodeBlock';
import {PendingCodeContext, type PendingCode} from '@site/src/hooks/pendingCode';
import DownloadError from '@site/src/components/DownloadError';
import {loadPageInFull} from '@site/src/lib/fullPageLoad';
import styles from './styles.module.css';

/**
 * A code fence of a doc (src/plugins/code-modules): the theme's CodeBlock, whose code is in the
 * server-rendered HTML but not in the page's JavaScript.
 *
 * On the server `codes` is the doc's code strings. In the browser it is a loader of them:
 * hydration keeps the server's block without its code (CodeBlock/Content keeps the lines, and
 * the copy and word-wrap buttons work from them), and the strings are downloaded only when a
 * block has no server lines to keep (a page reached by client-side navigation, the dev server).
 * If that download fails, the page is loaded in full, whose HTML has the code; only if that was
 * just tried (or on the dev server) does the block say the code could not be downloaded.
 */
export type CodeStrings = readonly string[];
export type CodeSource = CodeStrings | (() => Promise<{default: CodeStrings}>);

export interface StaticCodeProps {
  codes: CodeSource;
  index: number;
  /** The code's line count (src/lib/codeLines.ts), for the block's height while it has no code. */
  lines: number;
  className?: string;
  metastring?: string;
}

type Loader = Exclude<CodeSource, CodeStrings>;
const downloads = new WeakMap<Loader, Promise<CodeStrings>>();
const downloaded = new WeakMap<Loader, CodeStrings>();

/** One download per doc, shared by its blocks; a failed one may be tried again. */
function download(loader: Loader): Promise<CodeStrings> {
  let promise = downloads.get(loader);
  if (!promise) {
    promise = loader().then(
      (module) => {
        downloaded.set(loader, module.default);
        return module.default;
      },
      (error: unknown) => {
        downloads.delete(loader);
        throw error;
      },
    );
    downloads.set(loader, promise);
  }
  return promise;
}

export default function StaticCode({codes, index, lines, className, metastring}: StaticCodeProps): ReactNode {
  const [strings, setStrings] = useState<CodeStrings | undefined>(() =>
    typeof codes === 'function' ? downloaded.get(codes) : codes,
  );
  const [loadFailed, setLoadFailed] = useState(false);

  // CodeBlock/Content asks when it has no server lines to keep: a page reached by client-side
  // navigation, the dev server, a hydration that fell back to rendering.
  const request = useCallback(() => {
    if (typeof codes !== 'function') return;
    download(codes).then(setStrings, () => {
      if (!loadPageInFull()) setLoadFailed(true);
    });
  }, [codes]);

  const code = strings?.[index];
  const pending = useMemo<PendingCode | null>(
    () => (code === undefined ? {lines, request} : null),
    [code, lines, request],
  );
  // The same elements with or without the code, so that its arrival updates the block in place.
  return (
    <PendingCodeContext value={pending}>
      <CodeBlock className={className} metastring={metastring}>
        {code ?? ''}
      </CodeBlock>
      {loadFailed && (
        <DownloadError className={styles.underBlock}>
          <Translate id="staticCode.loadError" description="Shown under a code block whose code could not be downloaded">
            {'Non è stato possibile scaricare il codice. Controlla la connessione e ricarica la pagina.'}
          </Translate>
        </DownloadError>
      )}
    </PendingCodeContext>
  );
}
