import {useId, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import ScrollBox from '@site/src/components/ScrollBox';
import {GEOMETRY, layoutRepoGraph, type RepoLayout} from '@site/src/lib/repoGraph/layout';
import {branchColour, branchText, DIAGRAM_ATTRIBUTE, MESSAGE_BACKGROUND_OPACITY, NEUTRAL, paletteCss} from '@site/src/lib/repoGraph/palette';
import {TEXT_TWIN_ARGS, type RepoGraph} from '@site/src/lib/repoGraph/types';
import styles from './styles.module.css';

export interface RepoDiagramProps {
  /** The learner's repository, from `readRepoGraph` (src/lib/repoGraph/read.ts). */
  graph: RepoGraph;
  /** `git log --graph --oneline --all --decorate` of the same repository, from `textTwin`. */
  textTwin: string;
  /** The branch drawn first in the first colour (the course's: `main`). */
  mainBranch?: string;
  className?: string;
}

const PALETTE_CSS = paletteCss();
const TWIN_COMMAND = `git ${TEXT_TWIN_ARGS.join(' ')}`;

const colourOf = (slot: number | 'neutral') => (slot === 'neutral' ? NEUTRAL.line : branchColour(slot));

/** The diagram's accessible name: what a sighted reader takes in at a glance. */
function accessibleName(graph: RepoGraph): string {
  const head = graph.head;
  const headText =
    head === null
      ? '-'
      : head.branch !== null
        ? head.branch
        : translate(
            {id: 'repoDiagram.head.detached', message: 'staccato, sul commit {oid}', description: 'HEAD in the repository diagram’s accessible name, when detached'},
            {oid: head.oid.slice(0, 7)},
          );
  return translate(
    {
      id: 'repoDiagram.label',
      message: 'Diagramma dei branch del tuo repository. Commit: {commits}. Branch: {branches}. HEAD: {head}.',
      description: 'Accessible name of the live branch diagram of the learner’s repository',
    },
    {commits: graph.commits.length, branches: graph.branches.map((b) => b.name).join(', ') || '-', head: headText},
  );
}

function Drawing({layout, label}: {layout: RepoLayout; label: string}): ReactNode {
  const G = GEOMETRY;
  const ref = useRef<SVGSVGElement>(null);
  // On a screen narrower than the drawing, show its right end: the columns, the tags and HEAD,
  // and the end of each message, which is what changes after a command; the rest scrolls.
  useLayoutEffect(() => {
    const viewport = ref.current?.parentElement;
    if (viewport && viewport.scrollWidth > viewport.clientWidth) viewport.scrollLeft = viewport.scrollWidth;
  }, [layout.width]);
  return (
    <svg
      ref={ref}
      className={styles.svg}
      role="img"
      aria-label={label}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}>
      <g className={styles.lines} aria-hidden="true">
        {layout.lines.map((line, i) => (
          <path key={i} d={line.d} className={styles[line.kind]} style={{stroke: colourOf(line.colour)}} />
        ))}
      </g>
      <g className="commit-bullets">
        {layout.commits.map((commit) => (
          <circle
            key={commit.oid}
            cx={commit.cx}
            cy={commit.cy}
            r={commit.merge ? G.dotRadius - 1.25 : G.dotRadius}
            className={commit.merge ? styles.mergeDot : styles.dot}
            style={commit.merge ? {stroke: branchColour(commit.colour), fill: NEUTRAL.page} : {fill: branchColour(commit.colour)}}
          />
        ))}
        {layout.rings.map((ring) => (
          <circle key={ring.branch} cx={ring.cx} cy={ring.cy} r={ring.r - 1} className={styles.ring} style={{stroke: branchColour(ring.colour), fill: NEUTRAL.page}} />
        ))}
      </g>
      <g className={styles.messages}>
        {layout.commits.map((commit) => (
          <g key={commit.oid}>
            <rect
              className="commit-label-bkg"
              {...commit.labelBox}
              rx={3}
              style={{fill: NEUTRAL.messageBackground, fillOpacity: MESSAGE_BACKGROUND_OPACITY}}
            />
            <text className={clsx('commit-label', styles.message)} fontSize={G.messagePx} x={commit.textX} y={commit.textY} textAnchor="end" style={{fill: NEUTRAL.message}}>
              {commit.label !== commit.subject && <title>{commit.subject}</title>}
              {commit.label}
            </text>
          </g>
        ))}
      </g>
      <g className={styles.refs}>
        {layout.refs.map((ref, i) =>
          ref.kind === 'tag' ? (
            <g key={i}>
              <polygon
                points={ref.points.map(([x, y]) => `${x},${y}`).join(' ')}
                className={styles.tagFlag}
                style={{fill: NEUTRAL.tagBackground, stroke: NEUTRAL.tagBorder}}
              />
              <circle cx={ref.box.x + G.tagHeight * 0.42} cy={ref.box.y + ref.box.height / 2} r={1.5} style={{fill: NEUTRAL.tagBorder}} />
              <text className={clsx('tag-label', styles.tag)} fontSize={G.tagPx} x={ref.textX} y={ref.textY} style={{fill: NEUTRAL.tag}}>
                {ref.text}
              </text>
            </g>
          ) : (
            <g key={i}>
              <rect
                className="branchLabelBkg"
                {...ref.box}
                rx={ref.kind === 'branch' ? 4 : 9}
                style={
                  ref.kind === 'branch'
                    ? {fill: branchColour(ref.colour as number)}
                    : {fill: NEUTRAL.page, stroke: NEUTRAL.text, strokeWidth: 1.25, strokeDasharray: ref.kind === 'merge-head' ? '3 2' : undefined}
                }
              />
              <g className="branchLabel">
                <text
                  className={ref.kind === 'branch' ? styles.branch : styles.head}
                  fontSize={ref.kind === 'branch' ? G.badgePx : G.tagPx}
                  x={ref.textX}
                  y={ref.textY}
                  textAnchor={ref.kind === 'branch' ? 'middle' : 'start'}
                  style={{fill: ref.kind === 'branch' ? branchText(ref.colour as number) : NEUTRAL.text}}>
                  {ref.text}
                </text>
              </g>
            </g>
          ),
        )}
      </g>
    </svg>
  );
}

/**
 * The learner's repository as a branch diagram, drawn like the lessons' (one column per branch,
 * `main` first in teal, time from top to bottom), with its text twin, `git log --graph`, in a
 * disclosure under it. Pure rendering: the caller reads the repository (`loadRepoDiagram` in
 * src/lib/repoGraph/load.ts) after each command and passes the result.
 */
export default function RepoDiagram({graph, textTwin, mainBranch, className}: RepoDiagramProps): ReactNode {
  const layout = useMemo(() => layoutRepoGraph(graph, {mainBranch}), [graph, mainBranch]);
  const twinId = useId();
  const notes: ReactNode[] = [];
  if (graph.status === 'incomplete')
    notes.push(
      <Translate key="incomplete" id="repoDiagram.incomplete" description="Over the branch diagram when some git objects cannot be read">
        {'Alcuni oggetti del repository non si leggono: il diagramma mostra solo quello che si legge.'}
      </Translate>,
    );
  if (graph.merging)
    notes.push(
      <Translate key="merging" id="repoDiagram.merging" description="Over the branch diagram while a merge stopped on a conflict">
        {'Merge in corso (MERGE_HEAD): risolvi i conflitti, poi git add e git commit; git merge --abort lo annulla.'}
      </Translate>,
    );
  if (layout.hidden > 0)
    notes.push(
      <Translate
        key="hidden"
        id="repoDiagram.hidden"
        description="Over the branch diagram when the history is longer than the diagram draws"
        values={{shown: layout.commits.length, hidden: layout.hidden}}>
        {'Il diagramma mostra i {shown} commit più recenti; gli altri {hidden} sono nel testo qui sotto.'}
      </Translate>,
    );

  return (
    <figure className={clsx(styles.figure, className)} {...{[DIAGRAM_ATTRIBUTE]: ''}}>
      <style href="repo-diagram-palette" precedence="default">
        {PALETTE_CSS}
      </style>
      {notes.map((note, i) => (
        <p key={i} className={styles.note}>
          {note}
        </p>
      ))}
      {graph.commits.length > 0 ? (
        <ScrollBox kind="diagram">
          <Drawing layout={layout} label={accessibleName(graph)} />
        </ScrollBox>
      ) : (
        <p className={styles.empty}>
          {graph.status === 'no-repository' ? (
            <Translate id="repoDiagram.empty.noRepository" description="In place of the branch diagram when there is no repository">
              {'Qui non c’è ancora un repository Git: il diagramma comparirà dopo git init e il primo commit.'}
            </Translate>
          ) : (
            <Translate id="repoDiagram.empty.noCommits" description="In place of the branch diagram when the repository has no commit">
              {'Il repository non ha ancora commit: il diagramma comparirà con il primo git commit.'}
            </Translate>
          )}
        </p>
      )}
      <details className={styles.twin}>
        <summary id={twinId}>
          <Translate id="repoDiagram.twin.summary" description="Opens the text twin of the branch diagram" values={{command: <code>{TWIN_COMMAND}</code>}}>
            {'Il diagramma come testo: {command}'}
          </Translate>
        </summary>
        <pre className={styles.twinText} role="region" aria-labelledby={twinId} tabIndex={0}>
          {textTwin ||
            translate({id: 'repoDiagram.twin.empty', message: 'git log non ha ancora niente da mostrare.', description: 'The text twin when git log prints nothing'})}
        </pre>
      </details>
    </figure>
  );
}
