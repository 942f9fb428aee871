import {translate} from '@docusaurus/Translate';

export interface LessonSummary {
  number: string;
  /** Doc path under /docs, without the number prefix Docusaurus strips. */
  path: string;
  title: string;
  workflow: string;
  summary: string;
}

/** The course's lessons, in order. Translated at render time. */
export function courseLessons(): LessonSummary[] {
  return [
    {
      number: '01',
      path: '/docs/lessons/feature-branch',
      title: translate({id: 'lessons.01.title', message: 'Feature Branch'}),
      workflow: translate({id: 'lessons.01.workflow', message: 'Workflow feature'}),
      summary: translate({
        id: 'lessons.01.summary',
        message:
          'Il carrello avanzato nasce su un branch feature/ tagliato da develop: commit piccoli, aggiornamenti da develop, un conflitto risolto e un merge --no-ff.',
      }),
    },
    {
      number: '02',
      path: '/docs/lessons/hotfix-workflow',
      title: translate({id: 'lessons.02.title', message: 'Hotfix Workflow'}),
      workflow: translate({id: 'lessons.02.workflow', message: 'Workflow hotfix'}),
      summary: translate({
        id: 'lessons.02.summary',
        message:
          'Venerdì sera, i pagamenti falliscono in produzione: un branch hotfix da main, diagnosi, fix, test, tag e merge in main e develop.',
      }),
    },
    {
      number: '03',
      path: '/docs/lessons/experimentation',
      title: translate({id: 'lessons.03.title', message: 'Sperimentazione'}),
      workflow: translate({id: 'lessons.03.workflow', message: 'Workflow sperimentale'}),
      summary: translate({
        id: 'lessons.03.summary',
        message:
          'Due prototipi dell’algoritmo di raccomandazione su branch experiment/ usa e getta, misurati uno contro l’altro: il vincitore entra in develop.',
      }),
    },
  ];
}
