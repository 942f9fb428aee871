// Wraps @easyops-cn/docusaurus-search-local's SearchBar: its input has a
// hard-coded English aria-label ("Search"); give it the translated label that
// the placeholder already uses, so screen readers hear the page's language.
import React, {useEffect, useRef, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import SearchBar from '@theme-original/SearchBar';

export default function SearchBarWrapper(props: Record<string, unknown>): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const label = translate({
    id: 'theme.SearchBar.label',
    message: 'Cerca',
    description: 'The ARIA label and placeholder for search button',
  });
  useEffect(() => {
    ref.current?.querySelector('input')?.setAttribute('aria-label', label);
  }, [label]);
  return (
    <div ref={ref} style={{display: 'contents'}}>
      <SearchBar {...props} />
    </div>
  );
}
