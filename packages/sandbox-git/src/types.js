/**
 * Shapes shared by the engine's modules (JSDoc only: this file exports no values).
 *
 * The core never imports a Node.js module: the file system, the environment, the clock and the
 * output streams come in through a `GitContext`, so the same engine runs in a WebContainer, under
 * Node (tests, the lesson runner) and in the page over an in-browser file system.
 */

/**
 * A person and a moment, as in a commit's `author`/`committer` line or a tag's `tagger` line.
 * @typedef {object} Ident
 * @property {string} name
 * @property {string} email
 * @property {number} timestamp  Seconds since the epoch.
 * @property {number} tzMinutes  The offset git prints, in minutes east of UTC (`+0100` is 60, `-0530` is -330).
 */

/**
 * A parsed commit object.
 * @typedef {object} CommitInfo
 * @property {string} oid
 * @property {string} tree
 * @property {string[]} parents  First parent first.
 * @property {Ident} author
 * @property {Ident} committer
 * @property {string} message  The whole message, as stored (git ends it with a newline).
 */

export {};

/**
 * Everything the engine needs from where it runs.
 * @typedef {object} GitContext
 * @property {import('./fs.js').FsLike} fs  A file system with Node's `fs.promises` shape.
 * @property {string} cwd  The absolute working directory (POSIX).
 * @property {Record<string, string | undefined>} env  Environment variables (HOME, GIT_*, TZ is not read: see tzOffset).
 * @property {() => number} now  The clock, in milliseconds since the epoch.
 * @property {(utcMs: number) => number} tzOffset  Minutes east of UTC at that instant (git's sign: +0100 is 60).
 * @property {(text: string) => void} stdout
 * @property {(text: string) => void} stderr
 * @property {boolean} [isTTY]  Whether stdout is a terminal (colour, pager-free decorations).
 */
