import {referenceSidebar} from '.';

// The reference page's sidebar, in the language of the locale being built.
const english = process.env.DOCUSAURUS_CURRENT_LOCALE === 'en';
export default referenceSidebar(english ? 'en' : 'it', english ? 'Course index' : 'Indice del corso', english ? 'Lessons' : 'Lezioni');
