import {describe, expect, it} from 'vitest';
import {compareHistories} from './compare';
import {parseGitGraph} from './gitgraph';
import type {HistoryModel} from './history';

const model = (source: string): HistoryModel => parseGitGraph(source).history;
const compare = (expected: string, actual: HistoryModel): string[] =>
  compareHistories(model(expected), actual, {source: 'the diagram'});

// What git did: main fast-forwarded to the hotfix, develop merged it, hotfix branch deleted.
const git = model(`gitGraph
  commit id: "init"
  branch develop
  commit id: "wip"
  checkout main
  commit id: "fix"
  commit id: "docs" tag: "v1"
  checkout develop
  merge main id: "Merge branch 'hotfix' into develop"
`);

describe('compareHistories', () => {
  it('accepts a diagram that draws what git did', () => {
    expect(
      compare(
        `gitGraph
          commit id: "init"
          branch develop
          commit id: "wip"
          checkout main
          commit id: "fix"
          commit id: "docs" tag: "v1"
          checkout develop
          merge main id: "Merge branch 'hotfix' into develop"`,
        git,
      ),
    ).toEqual([]);
  });

  it('names a renamed branch both ways', () => {
    expect(
      compare(
        `gitGraph
          commit id: "init"
          branch dev
          commit id: "wip"
          checkout main
          commit id: "fix"
          commit id: "docs" tag: "v1"
          checkout dev
          merge main id: "Merge branch 'hotfix' into develop"`,
        git,
      ),
    ).toEqual([
      `branch 'dev' is missing in git (the diagram shows it; if the lesson deletes it in a way ` +
        `the runner cannot see, add the line "%% deleted: dev" to the diagram)`,
      "git has branch 'develop', which the diagram does not show",
    ]);
  });

  it('refuses a fast-forward drawn as a merge commit', () => {
    const problems = compare(
      `gitGraph
        commit id: "init"
        branch develop
        commit id: "wip"
        checkout main
        branch hotfix
        commit id: "fix"
        commit id: "docs" tag: "v1"
        checkout main
        merge hotfix id: "Merge branch 'hotfix'"
        checkout develop
        merge hotfix id: "Merge branch 'hotfix' into develop"`,
      git,
    );
    expect(problems).toEqual([
      `branch 'hotfix' is missing in git (the diagram shows it; if the lesson deletes it in a way ` +
        `the runner cannot see, add the line "%% deleted: hotfix" to the diagram)`,
      `branch 'main' (first-parent history, root → tip):\n` +
        `    expected: "init" → "Merge branch 'hotfix'"\n` +
        `    got:      "init" → "fix" → "docs"`,
      `merge commit "Merge branch 'hotfix'" is not in git`,
    ]);
  });

  it('accepts a branch the lesson deleted, still drawn because Mermaid cannot delete branches', () => {
    // Lesson 03: an experiment merged into develop, its branch deleted afterwards.
    const drawn = `gitGraph
      commit id: "init"
      branch develop
      commit id: "wip"
      branch experiment
      commit id: "try"
      checkout develop
      merge experiment id: "Merge experiment"`;
    const afterDeletion = model(drawn);
    afterDeletion.branches.delete('experiment');
    expect(compareHistories(model(drawn), afterDeletion, {source: 'the diagram', deleted: new Set(['experiment'])})).toEqual([]);
    expect(compareHistories(model(drawn), afterDeletion, {source: 'the diagram'})).toHaveLength(1);
  });

  it('reports a merge drawn where git made a regular commit, and wrong parents', () => {
    const problems = compare(
      `gitGraph
        commit id: "init"
        branch develop
        commit id: "wip"
        checkout main
        commit id: "fix"
        commit id: "docs" tag: "v1"
        checkout develop
        commit id: "Merge branch 'hotfix' into develop"`,
      git,
    );
    expect(problems).toEqual([
      `commit "Merge branch 'hotfix' into develop" on 'develop': the diagram shows a regular commit on top of "wip", ` +
        `git has a merge of "wip" and "docs"`,
    ]);
  });

  it('reports tags on the wrong commit, missing and extra tags, and the current branch', () => {
    const expected = model(`gitGraph
      commit id: "init"
      branch develop
      commit id: "wip" tag: "v0"
      checkout main
      commit id: "fix" tag: "v1"
      commit id: "docs"
      checkout develop
      merge main id: "Merge branch 'hotfix' into develop"`);
    expected.head = 'main';
    const actual = {...git, head: 'develop'};
    expect(compareHistories(expected, actual, {source: 'the diagram'})).toEqual([
      `tag 'v0' (on "wip") is missing in git`,
      `tag 'v1': the diagram puts it on "fix", git on "docs"`,
      `the current branch should be 'main', git is on 'develop'`,
    ]);
    expect(compareHistories(model('gitGraph\n commit id: "init"\n branch develop\n commit id: "wip"\n checkout main\n commit id: "fix"\n commit id: "docs"\n checkout develop\n merge main id: "Merge branch \'hotfix\' into develop"'), git, {source: 'the diagram'})).toEqual([
      "git has tag 'v1', which the diagram does not show",
    ]);
  });

  it('checks annotated tags and messages when the expectation knows them', () => {
    const expected = model('gitGraph\n commit id: "init" tag: "v1"');
    expected.tags.get('v1')!.annotated = true;
    expected.tags.get('v1')!.message = 'Release 1\n';
    expected.commits.get('init')!.message = 'init\n\nbody';
    const actual = model('gitGraph\n commit id: "init" tag: "v1"');
    actual.tags.get('v1')!.annotated = false;
    actual.commits.get('init')!.message = 'init\n\nother body';
    expect(compareHistories(expected, actual, {source: 'the expectations'})).toEqual([
      'commit "init": message differs\n    expected: "init\\n\\nbody"\n    got:      "init\\n\\nother body"',
      "tag 'v1' should be annotated, git has a lightweight tag",
    ]);
  });
});
