#!/usr/bin/env node
/**
 * Recreates the git history of a course phase with isomorphic-git (WebContainers, where the
 * sandbox runs, have no `git` binary). Run by `npm run setup` and on `npm install` (postinstall).
 *
 * Reads `.sandbox/history.json` (steps: commit / branch / switch / merge [--no-ff, with a conflict
 * resolution] / tag [on a branch] / deleteBranch, file contents inline) and builds `.git` in the project folder. The steps are replayed in a
 * scratch work tree, so the project's files are never overwritten; at the end the index is
 * refreshed against the project's files. Does nothing when `.git` already exists.
 *
 * Commit dates and author are fixed: the hashes equal those of the lesson's `git log`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';

const MESSAGES = {
  it: {
    exists: 'La cronologia git esiste già (.git). Per ricrearla: elimina la cartella .git e lancia npm run setup.',
    done: (n, branch) => `Cronologia git ricreata con isomorphic-git: ${n} commit, branch attivo ${branch}. Guardala con: npm run history`,
  },
  en: {
    exists: 'The git history already exists (.git). To recreate it: delete the .git folder and run npm run setup.',
    done: (n, branch) => `Git history recreated with isomorphic-git: ${n} commits, checked-out branch ${branch}. See it with: npm run history`,
  },
};

export async function replayHistory(projectDir) {
  const history = JSON.parse(fs.readFileSync(path.join(projectDir, '.sandbox/history.json'), 'utf8'));
  const text = MESSAGES[history.locale] ?? MESSAGES.en;
  const gitdir = path.join(projectDir, '.git');
  if (fs.existsSync(gitdir)) {
    console.log(text.exists);
    return {created: false};
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'course-history-'));
  const who = history.author;
  const base = {fs, dir: scratch, gitdir};
  let current = 'main';
  let commits = 0;
  try {
    await git.init({...base, defaultBranch: 'main'});
    for (const step of history.steps) {
      switch (step.op) {
        case 'commit':
          for (const [filepath, contents] of Object.entries(step.files)) {
            fs.mkdirSync(path.dirname(path.join(scratch, filepath)), {recursive: true});
            fs.writeFileSync(path.join(scratch, filepath), contents);
            await git.add({...base, filepath});
          }
          await git.commit({...base, message: step.message, author: who, committer: who});
          commits += 1;
          break;
        case 'branch':
          await git.branch({...base, ref: step.name, checkout: true});
          current = step.name;
          break;
        case 'switch':
          await git.checkout({...base, ref: step.name});
          current = step.name;
          break;
        case 'merge': {
          const ours = await git.resolveRef({...base, ref: current});
          const theirs = await git.resolveRef({...base, ref: step.branch});
          try {
            const result = await git.merge({
              ...base,
              ours: current,
              theirs: step.branch,
              fastForward: step.noFastForward !== true,
              abortOnConflict: false,
              message: step.message,
              author: who,
              committer: who,
            });
            if (!result.fastForward && !result.alreadyMerged) commits += 1;
            await git.checkout({...base, ref: current, force: true});
          } catch (error) {
            // A conflict the lesson resolves: write its resolution and commit both parents.
            if (error?.code !== 'MergeConflictError' || !step.resolved) throw error;
            for (const [filepath, contents] of Object.entries(step.resolved)) {
              fs.writeFileSync(path.join(scratch, filepath), contents);
              await git.add({...base, filepath});
            }
            await git.commit({...base, message: step.message, author: who, committer: who, parent: [ours, theirs]});
            commits += 1;
          }
          break;
        }
        case 'tag': {
          const object = step.target ? await git.resolveRef({...base, ref: step.target}) : undefined;
          await git.annotatedTag({...base, ref: step.name, message: step.message, tagger: who, object});
          break;
        }
        case 'deleteBranch':
          await git.deleteBranch({...base, ref: step.name});
          break;
        default:
          throw new Error(`Unknown history step: ${JSON.stringify(step)}`);
      }
    }
    // The index now describes the scratch tree: point it at the project's own files.
    const tracked = await git.listFiles({...base, ref: 'HEAD'});
    for (const filepath of tracked) {
      await git.resetIndex({fs, dir: projectDir, gitdir, filepath});
    }
    fs.mkdirSync(path.join(gitdir, 'info'), {recursive: true});
    fs.writeFileSync(path.join(gitdir, 'info/exclude'), history.exclude.join('\n') + '\n');
  } catch (error) {
    fs.rmSync(gitdir, {recursive: true, force: true});
    throw error;
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true});
  }
  console.log(text.done(commits, current));
  return {created: true, commits, branch: current};
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('replay-history.mjs')) {
  await replayHistory(process.cwd());
}
