// Wraps @easyops-cn/docusaurus-search-local's SearchPage, which sets <title>
// but leaves og:title to the site default: give shared links the same,
// translated title the page shows.
import React, {type ReactNode} from 'react';
import Head from '@docusaurus/Head';
import {translate} from '@docusaurus/Translate';
import {useLocation} from '@docusaurus/router';
import SearchPage from '@theme-original/SearchPage';

export default function SearchPageWrapper(props: Record<string, unknown>): ReactNode {
  const query = new URLSearchParams(useLocation().search).get('q');
  const title = query
    ? translate(
        {
          id: 'theme.SearchPage.existingResultsTitle',
          message: 'Risultati della ricerca per "{query}"',
          description: 'The search page title for non-empty query',
        },
        {query},
      )
    : translate({
        id: 'theme.SearchPage.emptyResultsTitle',
        message: 'Cerca nel corso',
        description: 'The search page title for empty query',
      });
  return (
    <>
      <SearchPage {...props} />
      <Head>
        <meta property="og:title" content={title} />
      </Head>
    </>
  );
}
