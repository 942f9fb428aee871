import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {execSync} from 'node:child_process';
import remarkExamples from './src/plugins/remark-examples';
import remarkExerciseChecklist from './src/plugins/exercise-checklist';
import sandboxProjects from './src/plugins/sandbox-projects';
import remarkStaticMermaid, {
  clientSideMermaidTheme,
  staticDiagramsAvailable,
  staticMermaid,
} from './src/plugins/static-mermaid';
import {CLASS_ONLY_CODE_THEME} from './src/plugins/code-theme/codeThemeCss';
import codeTheme from './src/plugins/code-theme';
import {replacementsOff} from './src/plugins/upstream-replacements.mjs';
import lazySearchHighlight from './src/plugins/lazy-search-highlight';
import chunkPrefetch from './src/plugins/chunk-prefetch';
import routeChunkScripts from './src/plugins/route-chunk-scripts';
import codeModules, {remarkCodeModules} from './src/plugins/code-modules';
import courseLessons from './src/plugins/course-lessons';
import {readCourseLessons, withoutCourseFrontMatter} from './src/plugins/course-lessons/catalog';
import {benchReferenceDocs, benchReferenceWanted} from './scripts/bench/reference-page';

// Where the site is published. Both come from the environment so the same build
// serves at a domain root or under /<repo>/ (GitHub Pages project sites).
const siteUrl = process.env.SITE_URL ?? 'https://corso-git.example.org';
const baseUrl = process.env.BASE_URL ?? '/';
const repoUrl = process.env.REPO_URL ?? 'https://github.com/corso-git/corso-git-workflow';

// Docusaurus builds (and `start`s) one locale at a time and sets this variable
// before loading the config, so site-wide strings that have no translation
// file (site title, default description, Open Graph locale) follow the locale.
type SiteLocale = 'it' | 'en';
const currentLocale: SiteLocale = process.env.DOCUSAURUS_CURRENT_LOCALE === 'en' ? 'en' : 'it';
const siteStrings = {
  it: {
    title: 'Corso Git Workflow',
    tagline: 'Impara i workflow di branching di Git facendo',
    description:
      'Corso pratico e bilingue sui workflow di branching di Git: feature branch, hotfix e sperimentazione, con comandi verificati e sandbox eseguibili nel browser.',
    ogLocale: 'it_IT',
    ogLocaleAlternate: 'en_US',
  },
  en: {
    title: 'Git Workflow Course',
    tagline: 'Learn Git branching workflows by doing',
    description:
      'A hands-on, bilingual course on Git branching workflows: feature branches, hotfixes and experiments, with verified commands and sandboxes that run in the browser.',
    ogLocale: 'en_US',
    ogLocaleAlternate: 'it_IT',
  },
}[currentLocale];

// "Last updated" dates need git history; a zip download or a shallow export has
// none, and the build must still work there.
function hasGitHistory(): boolean {
  try {
    execSync('git rev-parse --verify HEAD', {stdio: 'ignore', cwd: __dirname});
    return true;
  } catch {
    return false;
  }
}

// The footer's links to every lesson, titled in the locale's language by the lessons' own front
// matter. `docusaurus write-translations` (which loads this config in the default locale) would
// list those titles as footer strings to translate: it gets none.
const footerLessonLinks = process.argv.includes('write-translations')
  ? []
  : readCourseLessons(__dirname, currentLocale).map((lesson) => ({label: lesson.title, to: lesson.path}));

const upstreamOff = replacementsOff();

// Mermaid diagrams become SVG at build time when a Chromium is available, and
// pages then carry no Mermaid JavaScript at all. Without one (or with
// STATIC_MERMAID=off), @docusaurus/theme-mermaid renders them in the browser.
const clientSideMermaid = !staticDiagramsAvailable();

const config: Config = {
  title: siteStrings.title,
  tagline: siteStrings.tagline,
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl,
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  // v4 turns on Docusaurus Faster (Rspack, SWC, Lightning CSS).
  // DOCUSAURUS_FASTER=false builds with webpack/Babel instead: `npm run bench`
  // uses it to compare both (BENCH_COMPARE_BUNDLERS=1).
  future: {
    v4: true,
    ...(process.env.DOCUSAURUS_FASTER === 'false' ? {faster: false} : {}),
  },

  i18n: {
    defaultLocale: 'it',
    locales: ['it', 'en'],
    localeConfigs: {
      it: {label: 'Italiano', htmlLang: 'it'},
      en: {label: 'English', htmlLang: 'en'},
    },
  },

  markdown: {
    mermaid: clientSideMermaid,
    // A lesson's `course:` front matter feeds the lists of lessons (src/plugins/course-lessons);
    // the page itself never shows it, so it stays out of the page's JavaScript.
    parseFrontMatter: async (params) => withoutCourseFrontMatter(await params.defaultParseFrontMatter(params)),
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  plugins: [
    // The lessons, from their front matter, for the home page's cards and the course index.
    courseLessons,
    // Each phase of the e-commerce repo as sandbox/<phase>.json + .zip (see src/components/Sandbox).
    sandboxProjects,
    // Code-block colours of both modes as CSS; a Prism with the course's languages only.
    [codeTheme, {replacePrism: !upstreamOff.has('prism')}],
    // The upstream modules the build replaces (src/plugins/upstream-replacements.mjs), each for
    // a figure `npm run bench` measures (BENCH_UPSTREAM=1); UPSTREAM_OFF=name,... leaves one out.
    // mark.js, for the search plugin's term highlighting, downloaded only when used.
    ...(upstreamOff.has('search-highlight') ? [] : [lazySearchHighlight]),
    // Prefetch of linked pages' chunks: each file once, while the browser is idle.
    ...(upstreamOff.has('prefetch') ? [] : [chunkPrefetch]),
    // Each page's HTML loads its route's chunks next to main.js, not after it has run.
    ...(upstreamOff.has('route-chunks') ? [] : [routeChunkScripts]),
    // A doc's code strings: in its HTML, not in its JavaScript (see src/plugins/code-modules).
    codeModules,
    // Diagrams: <StaticDiagram>, and their SVG modules when drawn at build time.
    [staticMermaid, {drawAtBuild: !clientSideMermaid}],
    // `npm run bench` only: the plain doc page it compares every page with, apart from the course.
    ...(benchReferenceWanted() ? [benchReferenceDocs()] : []),
  ],

  themes: [
    // Fallback build only: Mermaid in the browser, drawn by the site's own component, which
    // overrides theme-mermaid's as it comes after it.
    ...(clientSideMermaid ? ['@docusaurus/theme-mermaid', clientSideMermaidTheme] : []),
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['it', 'en'],
        indexBlog: false,
        indexPages: true,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
      },
    ],
  ],

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          // Mermaid fences become build-time SVG before Docusaurus' own
          // mermaid transform sees them.
          beforeDefaultRemarkPlugins: [remarkStaticMermaid],
          // Fences expanded from examples/, then moved out of the page's JavaScript; each
          // exercise's checklist written into its page, in the page's language.
          remarkPlugins: [remarkExamples, remarkCodeModules, remarkExerciseChecklist],
          editLocalizedFiles: true,
          editUrl: `${repoUrl}/edit/main/`,
          showLastUpdateTime: hasGitHistory(),
        },
        pages: {
          beforeDefaultRemarkPlugins: [remarkStaticMermaid],
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    image: 'img/social-card.png',
    // Defaults for pages without their own description; a page's own
    // description and title override these. og:locale in Open Graph's ll_CC form.
    metadata: [
      {name: 'description', content: siteStrings.description},
      {property: 'og:description', content: siteStrings.description},
      {property: 'og:locale', content: siteStrings.ogLocale},
      {property: 'og:locale:alternate', content: siteStrings.ogLocaleAlternate},
      {name: 'twitter:card', content: 'summary_large_image'},
    ],
    colorMode: {
      respectPrefersColorScheme: true,
    },
    navbar: {
      title: 'Corso Git Workflow',
      logo: {
        // Decorative: the site title beside it names the link (axe: image-redundant-alt).
        alt: '',
        src: 'img/logo.svg',
      },
      items: [
        {
          type: 'docSidebar',
          sidebarId: 'course',
          position: 'left',
          label: 'Corso',
        },
        {type: 'localeDropdown', position: 'right'},
        {href: repoUrl, label: 'GitHub', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Corso',
          items: [
            {label: 'Indice del corso', to: '/docs'},
            // Every lesson, titled in the page's language: nothing to translate in footer.json.
            ...footerLessonLinks,
            {label: 'Come leggere i diagrammi', to: '/diagrams'},
          ],
        },
        {
          title: 'Progetto',
          items: [{label: 'GitHub', href: repoUrl}],
        },
      ],
      copyright: `Corso Git Workflow — contenuti con licenza MIT.`,
    },
    prism: {
      // Tokens get classes only; their colours (GitHub / Dracula at WCAG AA, src/plugins/code-theme/prismThemes.ts)
      // come from the code-theme plugin's stylesheet, so code blocks need no repaint on load.
      theme: CLASS_ONLY_CODE_THEME,
      darkTheme: CLASS_ONLY_CODE_THEME,
      additionalLanguages: ['bash', 'diff', 'json'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
