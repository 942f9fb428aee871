/**
 * The playground's words, in the page's language (i18n/<locale>/code.json): what its shell says
 * and the lines it writes in the terminal. Kept here, with `translate()`, so the pure shell
 * (`src/lib/playgroundShell`) has no strings of its own.
 */
import {translate} from '@docusaurus/Translate';
import type {ShellMessages} from '../../lib/playgroundShell/interpret';

export function shellMessages(): ShellMessages {
  return {
    notFound: (command) => translate({id: 'playground.shell.notFound', message: '{command}: comando non trovato (help elenca i comandi del playground)'}, {command}),
    needsSandbox: (command) =>
      translate(
        {
          id: 'playground.shell.needsSandbox',
          message: '{command} non c’è nel playground del browser (qui gira solo git): per eseguirlo avvia la sandbox StackBlitz di questa fase, «Avvia la sandbox» qui sopra.',
        },
        {command},
      ),
    noSuchFile: (command, path) => translate({id: 'playground.shell.noSuchFile', message: '{command}: {path}: file o directory non esistente'}, {command, path}),
    isDirectory: (command, path) => translate({id: 'playground.shell.isDirectory', message: '{command}: {path}: è una directory'}, {command, path}),
    notDirectory: (command, path) => translate({id: 'playground.shell.notDirectory', message: '{command}: {path}: non è una directory'}, {command, path}),
    fileExists: (command, path) => translate({id: 'playground.shell.fileExists', message: '{command}: {path}: il file esiste già'}, {command, path}),
    missingOperand: (command) => translate({id: 'playground.shell.missingOperand', message: '{command}: manca l’operando'}, {command}),
    syntax: (detail) => translate({id: 'playground.shell.syntax', message: 'bash: {detail} (il playground non ha questa sintassi)'}, {detail}),
    editUsage: () => translate({id: 'playground.shell.editUsage', message: 'uso: edit FILE (apre il file nell’editor qui sotto)'}),
    editCancelled: (path) => translate({id: 'playground.shell.editCancelled', message: 'edit: {path} non salvato'}, {path}),
    failed: (command, reason) => translate({id: 'playground.shell.failed', message: '{command}: {reason}'}, {command, reason}),
    help: () => [
      translate({
        id: 'playground.shell.help.commands',
        message: 'Comandi: ls, cat, echo, mkdir, cd, pwd, rm, cp, mv, touch, head, tail, date, clear, help, edit FILE, git …',
      }),
      translate({
        id: 'playground.shell.help.syntax',
        message: "Sintassi: &&, ||, ;, | head, > e >> verso un file, heredoc (cat > f << 'EOF' … EOF), $(…), virgolette; ↑ e ↓ ripercorrono i comandi.",
      }),
      translate({
        id: 'playground.shell.help.git',
        message: 'git è il git della sandbox (git help elenca i suoi comandi); node, npm e npx girano solo nella sandbox StackBlitz.',
      }),
      translate({id: 'playground.shell.help.leave', message: 'Esc o Tab portano fuori dal terminale.'}),
    ],
  };
}

export const terminalText = {
  welcome: (phase: string) =>
    translate(
      {
        id: 'playground.terminal.welcome',
        message: 'Playground git: il repository e-commerce alla fase {phase}, con i suoi branch, commit e tag, nel tuo browser. Scrivi o incolla i comandi della lezione; help elenca i comandi, edit FILE apre un file da modificare. Esc esce dal terminale.',
      },
      {phase},
    ),
  restored: () =>
    translate({
      id: 'playground.terminal.restored',
      message: 'Ripreso il repository che avevi lasciato (è salvato in questo browser). «Ripristina la fase» lo riporta all’inizio.',
    }),
  notKept: () =>
    translate({
      id: 'playground.terminal.notKept',
      message: 'Questo browser non permette di salvare dati del sito: il repository si perde ricaricando la pagina.',
    }),
  reset: (phase: string) => translate({id: 'playground.terminal.reset', message: 'Fase {phase} ripristinata: il repository è come all’inizio.'}, {phase}),
  label: () => translate({id: 'playground.terminal.label', message: 'Terminale del playground: scrivi un comando e premi Invio'}),
  tooMuchOutput: () => translate({id: 'playground.terminal.tooMuchOutput', message: 'Troppe righe da leggere: scorri il terminale o il testo della cronologia.'}),
};
