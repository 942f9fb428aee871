/**
 * Compares an expected history (a diagram, or the end state a lesson promises) with the real
 * repository and describes every difference in words a lesson writer can act on.
 */
import {firstParentChain, type HistoryModel} from './history';

export interface CompareOptions {
  /** Who makes the claim, for messages: "the diagram", "the expectations". */
  source: string;
  /**
   * Branches the lesson deleted (`git branch -d/-D` in a block above, or `%% deleted:` in the
   * diagram): Mermaid cannot delete a branch, so a diagram may still draw them.
   */
  deleted?: ReadonlySet<string>;
}

const quote = (subject: string): string => JSON.stringify(subject);
const chainText = (subjects: string[]): string =>
  subjects.length === 0 ? '(no commits)' : subjects.map(quote).join(' → ');

function subjectsOf(model: HistoryModel, ids: string[]): string[] {
  return ids.map((id) => model.commits.get(id)?.subject ?? `<unknown ${id}>`);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function describeParents(model: HistoryModel, id: string): string {
  const parents = model.commits.get(id)?.parents ?? [];
  if (parents.length === 0) return 'a root commit';
  if (parents.length === 1) return `a regular commit on top of ${quote(subjectsOf(model, parents)[0]!)}`;
  return `a merge of ${subjectsOf(model, parents).map(quote).join(' and ')}`;
}

export function compareHistories(
  expected: HistoryModel,
  actual: HistoryModel,
  {source, deleted = new Set()}: CompareOptions,
): string[] {
  const problems: string[] = [];
  /** expected commit id -> actual commit id, for commits matched by position on a branch. */
  const matched = new Map<string, string>();
  const parentsChecked = new Set<string>();

  const checkCommit = (expectedId: string, actualId: string, where: string): void => {
    if (parentsChecked.has(actualId)) return;
    parentsChecked.add(actualId);
    const e = expected.commits.get(expectedId)!;
    const a = actual.commits.get(actualId)!;
    const expectedParents = subjectsOf(expected, e.parents);
    const actualParents = subjectsOf(actual, a.parents);
    if (!sameList(expectedParents, actualParents)) {
      problems.push(
        `commit ${quote(e.subject)}${where}: ${source} shows ${describeParents(expected, expectedId)}, ` +
          `git has ${describeParents(actual, actualId)}`,
      );
    }
    if (e.message !== undefined && a.message !== undefined && e.message.trim() !== a.message.trim()) {
      problems.push(
        `commit ${quote(e.subject)}: message differs\n    expected: ${quote(e.message.trim())}\n` +
          `    got:      ${quote(a.message.trim())}`,
      );
    }
  };

  // Branches: same set, same first-parent history, same parents along it.
  for (const name of expected.branches.keys()) {
    if (!actual.branches.has(name) && !deleted.has(name)) {
      problems.push(
        `branch '${name}' is missing in git (${source} shows it; if the lesson deletes it in a way ` +
          `the runner cannot see, add the line "%% deleted: ${name}" to the diagram)`,
      );
    }
  }
  for (const name of actual.branches.keys()) {
    if (!expected.branches.has(name)) problems.push(`git has branch '${name}', which ${source} does not show`);
  }
  for (const [name, expectedTip] of expected.branches) {
    const actualTip = actual.branches.get(name);
    if (actualTip === undefined) continue;
    const expectedChain = firstParentChain(expected, expectedTip);
    const actualChain = firstParentChain(actual, actualTip);
    const expectedSubjects = subjectsOf(expected, expectedChain);
    const actualSubjects = subjectsOf(actual, actualChain);
    if (!sameList(expectedSubjects, actualSubjects)) {
      problems.push(
        `branch '${name}' (first-parent history, root → tip):\n` +
          `    expected: ${chainText(expectedSubjects)}\n    got:      ${chainText(actualSubjects)}`,
      );
      continue;
    }
    expectedChain.forEach((expectedId, i) => {
      const actualId = actualChain[i]!;
      matched.set(expectedId, actualId);
      checkCommit(expectedId, actualId, ` on '${name}'`);
    });
  }

  // Merge commits that no branch reaches by first parents (e.g. merged into a deleted branch).
  const actualBySubject = new Map<string, string[]>();
  for (const commit of actual.commits.values()) {
    actualBySubject.set(commit.subject, [...(actualBySubject.get(commit.subject) ?? []), commit.id]);
  }
  for (const commit of expected.commits.values()) {
    if (commit.parents.length < 2 || matched.has(commit.id)) continue;
    const candidates = actualBySubject.get(commit.subject) ?? [];
    if (candidates.length === 0) {
      problems.push(`merge commit ${quote(commit.subject)} is not in git`);
    } else if (candidates.length === 1) {
      matched.set(commit.id, candidates[0]!);
      checkCommit(commit.id, candidates[0]!, '');
    }
  }

  // Tags: same set, each on the same commit, annotated or not as expected.
  for (const [name, tag] of expected.tags) {
    const actualTag = actual.tags.get(name);
    const expectedSubject = expected.commits.get(tag.target)?.subject ?? tag.target;
    if (!actualTag) {
      problems.push(`tag '${name}' (on ${quote(expectedSubject)}) is missing in git`);
      continue;
    }
    const actualSubject = actual.commits.get(actualTag.target)?.subject ?? actualTag.target;
    const sameCommit = matched.has(tag.target)
      ? matched.get(tag.target) === actualTag.target
      : expectedSubject === actualSubject;
    if (!sameCommit) {
      problems.push(`tag '${name}': ${source} puts it on ${quote(expectedSubject)}, git on ${quote(actualSubject)}`);
    }
    if (tag.annotated !== undefined && tag.annotated !== actualTag.annotated) {
      const kind = (annotated: boolean | undefined): string => (annotated ? 'annotated' : 'lightweight');
      problems.push(`tag '${name}' should be ${kind(tag.annotated)}, git has a ${kind(actualTag.annotated)} tag`);
    }
    if (
      tag.message !== undefined &&
      actualTag.message !== undefined &&
      tag.message.trim() !== actualTag.message.trim()
    ) {
      problems.push(
        `tag '${name}': message differs\n    expected: ${quote(tag.message.trim())}\n` +
          `    got:      ${quote(actualTag.message.trim())}`,
      );
    }
  }
  for (const name of actual.tags.keys()) {
    if (!expected.tags.has(name)) problems.push(`git has tag '${name}', which ${source} does not show`);
  }

  if (expected.head !== undefined && expected.head !== actual.head) {
    problems.push(
      `the current branch should be ${expected.head === null ? 'none (detached HEAD)' : `'${expected.head}'`}, ` +
        `git is on ${actual.head == null ? 'a detached HEAD' : `'${actual.head}'`}`,
    );
  }
  return problems;
}
