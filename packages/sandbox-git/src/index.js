/**
 * sandbox-git: a git command line on isomorphic-git's object store, matching real git 2.39 for the
 * commands the course uses (see README.md). Nothing here imports a Node module: the file system,
 * environment, clock and output come in through a context (`GitContext`, `src/types.js`).
 */
export {runGit, COMMANDS, MISSING, GIT_VERSION} from './cli.js';
export {runScript} from './script.js';
export {MemoryFs} from './fs.js';
export {Repository} from './repo.js';
export {setIsomorphicGitLoader, setZlib} from './objects.js';
