#!/usr/bin/env node
/**
 * The `git` command of the course's sandboxes: Node's file system, environment, clock and streams
 * handed to the engine (`src/cli.js`), which knows nothing of Node.
 */
import fs from 'node:fs';
import module from 'node:module';
import zlib from 'node:zlib';
import {runGit} from '../src/cli.js';
import {setIsomorphicGitLoader, setZlib} from '../src/objects.js';

// Node 22 (the sandbox's) keeps compiled code between runs: each git command starts sooner.
/** @type {{enableCompileCache?: () => unknown}} */ (module).enableCompileCache?.();
// `require` of isomorphic-git's CommonJS build skips the ES-module wrapper Node would scan it with.
const require = module.createRequire(import.meta.url);
setIsomorphicGitLoader(async () => require('isomorphic-git'));
// Loose objects are small: Node's synchronous zlib beats the streams the engine uses elsewhere.
setZlib({inflate: (bytes) => zlib.inflateSync(bytes), deflate: (bytes) => zlib.deflateSync(bytes)});

/** @param {NodeJS.WriteStream} stream @param {string} text */
const write = (stream, text) => new Promise((resolve) => (stream.write(text) ? resolve(undefined) : stream.once('drain', () => resolve(undefined))));

/** @type {Promise<unknown>} */
let pending = Promise.resolve();
const code = await runGit(process.argv.slice(2), {
  fs,
  cwd: process.cwd().replace(/\\/g, '/'),
  env: process.env,
  now: () => Date.now(),
  tzOffset: (ms) => -new Date(ms).getTimezoneOffset(),
  stdout: (text) => void (pending = pending.then(() => write(process.stdout, text))),
  stderr: (text) => void (pending = pending.then(() => write(process.stderr, text))),
  isTTY: process.stdout.isTTY === true,
});
await pending;
process.exitCode = code;
