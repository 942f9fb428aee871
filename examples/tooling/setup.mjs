#!/usr/bin/env node
/**
 * The sandbox project's setup (`npm install` runs it as postinstall; `npm run setup` by hand):
 * recreates the lesson's git history with the sandbox's own git (`.sandbox/sandbox-git`,
 * WebContainers have no git binary) by running the phase's script, `.sandbox/history.json`,
 * the same commands the course runs with real git, at the course's fixed date, so the commit ids
 * equal the lesson's. Then it makes sure a `git` command is there (`node_modules/.bin/git`, for
 * a bare `git` and for `npx git`) and says, in the project's language, what the terminal can do.
 *
 *   node .sandbox/setup.mjs             recreate the history (or say it exists)
 *   node .sandbox/setup.mjs --if-needed  only when .git is missing, quietly otherwise
 *   node .sandbox/setup.mjs --welcome    also print the one-line welcome
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runScript, setZlib} from './sandbox-git/src/index.js';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.dirname(here);
const history = JSON.parse(fs.readFileSync(path.join(here, 'history.json'), 'utf8'));
const text = history.messages;
const args = new Set(process.argv.slice(2));

setZlib({inflate: (bytes) => zlib.inflateSync(bytes), deflate: (bytes) => zlib.deflateSync(bytes)});

/** `node_modules/.bin/git`, when the package manager did not link the sandbox's git there. */
function ensureGitCommand() {
  const bin = path.join(project, 'node_modules', '.bin');
  const git = path.join(bin, 'git');
  if (fs.existsSync(git) || !fs.existsSync(path.join(project, 'node_modules'))) return;
  fs.mkdirSync(bin, {recursive: true});
  fs.writeFileSync(git, '#!/bin/sh\nexec node "$(dirname "$0")/../../.sandbox/sandbox-git/bin/git.js" "$@"\n', {mode: 0o755});
}

async function recreate() {
  const env = {...process.env, GIT_AUTHOR_DATE: history.date, GIT_COMMITTER_DATE: history.date};
  const ctx = {fs, cwd: project, env, now: () => Date.now(), tzOffset: (ms) => -new Date(ms).getTimezoneOffset()};
  try {
    const {commands} = await runScript(history.steps, ctx);
    // Files of the project that are not the lesson's repository: git leaves them out.
    fs.writeFileSync(path.join(project, '.git/info/exclude'), `${history.exclude.join('\n')}\n`);
    const head = fs.readFileSync(path.join(project, '.git/HEAD'), 'utf8').trim().replace(/^ref: refs\/heads\//, '');
    console.log(text.done.replace('{commands}', commands).replace('{branch}', head));
  } catch (error) {
    // Half a history is worse than none: remove it, so that `npm run setup` starts clean.
    fs.rmSync(path.join(project, '.git'), {recursive: true, force: true});
    console.error(text.failed.replace('{reason}', error instanceof Error ? error.message.split('\n')[0] : String(error)));
    process.exitCode = 1;
  }
}

ensureGitCommand();
if (fs.existsSync(path.join(project, '.git'))) {
  if (!args.has('--if-needed')) console.log(text.exists);
} else {
  await recreate();
}
if (args.has('--welcome')) console.log(text.welcome);
