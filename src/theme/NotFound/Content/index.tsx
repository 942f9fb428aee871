// Swizzled (ejected) from @docusaurus/theme-classic 3.10.2: the localized 404
// keeps the theme's title and first paragraph and, instead of "contact the
// site owner", points the learner back into the course.
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type {Props} from '@theme/NotFound/Content';
import Heading from '@theme/Heading';

export default function NotFoundContent({className}: Props): ReactNode {
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className="row">
        <div className="col col--6 col--offset-3">
          <Heading as="h1" className="hero__title">
            <Translate id="theme.NotFound.title" description="The title of the 404 page">
              Pagina non trovata
            </Translate>
          </Heading>
          <p>
            <Translate id="theme.NotFound.p1" description="The first paragraph of the 404 page">
              Non siamo riusciti a trovare quello che stavi cercando.
            </Translate>
          </p>
          <p>
            <Translate id="theme.NotFound.p2" description="The 2nd paragraph of the 404 page">
              Se sei arrivato qui da un link, il link è interrotto: torna all&apos;indice del corso o
              usa la ricerca.
            </Translate>
          </p>
          <ul>
            <li>
              <Link to="/docs">
                <Translate id="notFound.link.courseIndex">Indice del corso</Translate>
              </Link>
            </li>
            <li>
              <Link to="/">
                <Translate id="notFound.link.home">Pagina iniziale</Translate>
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </main>
  );
}
