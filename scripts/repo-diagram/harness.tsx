/**
 * A page with nothing but RepoDiagram on it, in the site's styles (custom.css here; Infima, the
 * theme's own CSS, linked by look.mjs), for
 * look.mjs: the data (`window.__REPO_DIAGRAM__`: graph and text twin, read by the engine in Node)
 * is drawn into #root.
 */
import {createRoot} from 'react-dom/client';
import '@site/src/css/custom.css';
import RepoDiagram from '@site/src/components/RepoDiagram';
import type {RepoDiagramData} from '@site/src/lib/repoGraph/load';

declare global {
  interface Window {
    __REPO_DIAGRAM__: RepoDiagramData[];
  }
}

createRoot(document.getElementById('root')!).render(
  <main className="container margin-vert--md">
    <article className="markdown">
      {window.__REPO_DIAGRAM__.map((data, i) => (
        <RepoDiagram key={i} graph={data.graph} textTwin={data.textTwin} />
      ))}
    </article>
  </main>,
);
