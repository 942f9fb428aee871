/**
 * How a command stops: with git's exit code and git's words, never a stack trace.
 * `runGit` catches a `GitExit`, prints its text to stderr and returns its code; anything else
 * thrown is an engine bug, reported in one line (see `cli.js`).
 */

export class GitExit extends Error {
  /**
   * @param {number} code  git's exit code: 128 fatal, 129 usage, 1 a command that failed.
   * @param {string} text  What goes to stderr (may be empty when already printed).
   */
  constructor(code, text) {
    super(text.trim() || `exit ${code}`);
    this.code = code;
    this.text = text;
  }
}

/** `fatal: <message>` and exit 128, as git's `die()`. @param {string} message @returns {never} */
export function fatal(message) {
  throw new GitExit(128, `fatal: ${message}\n`);
}

/** `error: <message>` and exit 1, as a command that returns `error()`. @param {string} message @returns {never} */
export function fail(message) {
  throw new GitExit(1, `error: ${message}\n`);
}

/** Exit `code` with `text` (already formatted) on stderr. @param {number} code @param {string} [text] @returns {never} */
export function exit(code, text = '') {
  throw new GitExit(code, text);
}
