import {useMemo, useRef, type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {ThemeClassNames} from '@docusaurus/theme-common';
import type {Props} from '@theme/LastUpdated';
import {KEEP_SERVER_MARKUP, useHydratedFromServer, useKeepServerMarkup} from '@site/src/hooks/useHydratedFromServer';

/**
 * The theme's LastUpdated, without building an Intl.DateTimeFormat while the page hydrates: the
 * first one of a page loads the locale's date data, the largest single piece of main-thread work
 * left on a phone-class CPU (~20 ms of a doc page's load here). Hydration keeps the date the server
 * wrote; a page reached by client-side navigation formats it as the theme does.
 */
function LastUpdatedAtDate({lastUpdatedAt}: {lastUpdatedAt: number}): ReactNode {
  const {
    i18n: {currentLocale, localeConfigs},
  } = useDocusaurusContext();
  const atDate = new Date(lastUpdatedAt);
  const timeRef = useRef<HTMLTimeElement>(null);
  const keepServerDate = useKeepServerMarkup(timeRef, useHydratedFromServer());
  const formatted = useMemo(
    () =>
      keepServerDate
        ? null
        : new Intl.DateTimeFormat(currentLocale, {
            calendar: localeConfigs[currentLocale]?.calendar,
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(lastUpdatedAt)),
    [keepServerDate, currentLocale, localeConfigs, lastUpdatedAt],
  );
  return (
    <Translate
      id="theme.lastUpdated.atDate"
      description="The words used to describe on which date a page has been last updated"
      values={{
        date: (
          <b>
            {formatted === null ? (
              <time ref={timeRef} dateTime={atDate.toISOString()} itemProp="dateModified" dangerouslySetInnerHTML={KEEP_SERVER_MARKUP} />
            ) : (
              <time ref={timeRef} dateTime={atDate.toISOString()} itemProp="dateModified">
                {formatted}
              </time>
            )}
          </b>
        ),
      }}>
      {' on {date}'}
    </Translate>
  );
}

function LastUpdatedByUser({lastUpdatedBy}: {lastUpdatedBy: string}): ReactNode {
  return (
    <Translate
      id="theme.lastUpdated.byUser"
      description="The words used to describe by who the page has been last updated"
      values={{user: <b>{lastUpdatedBy}</b>}}>
      {' by {user}'}
    </Translate>
  );
}

export default function LastUpdated({lastUpdatedAt, lastUpdatedBy}: Props): ReactNode {
  return (
    <span className={ThemeClassNames.common.lastUpdated}>
      <Translate
        id="theme.lastUpdated.lastUpdatedAtBy"
        description="The sentence used to display when a page has been last updated, and by who"
        values={{
          atDate: lastUpdatedAt ? <LastUpdatedAtDate lastUpdatedAt={lastUpdatedAt} /> : '',
          byUser: lastUpdatedBy ? <LastUpdatedByUser lastUpdatedBy={lastUpdatedBy} /> : '',
        }}>
        {'Last updated{atDate}{byUser}'}
      </Translate>
    </span>
  );
}
