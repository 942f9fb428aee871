import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import LessonCards from '@site/src/components/LessonCards';
import styles from './index.module.css';

export default function Home(): ReactNode {
  return (
    <Layout
      title={translate({id: 'home.title', message: 'Impara i workflow di Git facendo'})}
      description={translate({
        id: 'home.description',
        message:
          'Corso pratico e bilingue sui workflow di branching di Git: feature branch, hotfix e sperimentazione, con comandi verificati e sandbox eseguibili nel browser.',
      })}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.heroTitle}>
            <Translate id="home.hero.title">Impara i workflow di branching di Git, facendo</Translate>
          </Heading>
          <p className={styles.heroLead}>
            <Translate id="home.hero.lead">
              Tre scenari reali di un e-commerce: una feature, un bug critico in produzione, un
              esperimento. Ogni comando è verificato, ogni diagramma corrisponde alla storia che Git
              crea davvero, ogni esempio si apre in una sandbox con un clic.
            </Translate>
          </p>
          <Link className="button button--primary button--lg" to="/docs">
            <Translate id="home.hero.cta">Inizia il corso</Translate>
          </Link>
        </div>
      </header>
      <main className="container margin-vert--xl">
        <section className={styles.section} aria-labelledby="home-audience">
          <Heading as="h2" id="home-audience">
            <Translate id="home.audience.title">A chi è rivolto</Translate>
          </Heading>
          <p>
            <Translate id="home.audience.body">
              A chi usa già git add, git commit e git push e vuole lavorare in team con un workflow
              chiaro: sviluppatori junior, studenti, chi prepara il primo incident in produzione.
            </Translate>
          </p>
        </section>
        <section className={styles.section} aria-labelledby="home-lessons">
          <Heading as="h2" id="home-lessons">
            <Translate id="home.lessons.title">Le lezioni</Translate>
          </Heading>
          <LessonCards />
        </section>
      </main>
    </Layout>
  );
}
