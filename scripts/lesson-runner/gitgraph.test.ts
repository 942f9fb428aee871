import {describe, expect, it} from 'vitest';
import {firstParentChain} from './history';
import {GitGraphError, isGitGraph, parseGitGraph} from './gitgraph';

const subjects = (source: string, branch: string): string[] => {
  const {history} = parseGitGraph(source);
  return firstParentChain(history, history.branches.get(branch)!).map((id) => history.commits.get(id)!.subject);
};

describe('isGitGraph', () => {
  it('recognises gitGraph after front matter, comments and init directives', () => {
    expect(isGitGraph('gitGraph\n  commit id: "a"')).toBe(true);
    expect(isGitGraph('---\nconfig:\n  theme: base\n---\n%%{init: {}}%%\ngitGraph LR:\n')).toBe(true);
    expect(isGitGraph('flowchart LR\n  A --> B')).toBe(false);
    expect(isGitGraph('timeline\n  title gitGraph')).toBe(false);
  });
});

describe('parseGitGraph', () => {
  const diagram = `---
config:
  gitGraph:
    showBranches: true
---
gitGraph TB:
  accTitle: Hotfix
  accDescr {
    two lines
    of description
  }
  %% a comment
  commit id: "init"
  branch develop order: 2
  checkout develop
  commit id: "wip"
  checkout main
  branch "hotfix/x" order: 1
  switch "hotfix/x"
  commit id: "fix" type: HIGHLIGHT tag: "v1.0.1"
  checkout main
  merge "hotfix/x" id: "Merge branch 'hotfix/x'" tag: 'v1.1'
  checkout develop
  merge main id: "Merge main into develop";
  cherry-pick id: "fix"
`;

  it('reads branches, commits with parents, tags and accessibility text', () => {
    const {accTitle, accDescr, history} = parseGitGraph(diagram);
    expect(accTitle).toBe('Hotfix');
    expect(accDescr).toBe('two lines\n    of description');
    expect([...history.branches.keys()]).toEqual(['main', 'develop', 'hotfix/x']);
    expect(subjects(diagram, 'main')).toEqual(['init', "Merge branch 'hotfix/x'"]);
    expect(subjects(diagram, 'hotfix/x')).toEqual(['init', 'fix']);
    expect(subjects(diagram, 'develop')).toEqual(['init', 'wip', 'Merge main into develop', 'fix']);
    expect(history.commits.get("Merge branch 'hotfix/x'")!.parents).toEqual(['init', 'fix']);
    expect(history.commits.get('Merge main into develop')!.parents).toEqual(['wip', "Merge branch 'hotfix/x'"]);
    expect(Object.fromEntries([...history.tags].map(([name, tag]) => [name, tag.target]))).toEqual({
      'v1.0.1': 'fix',
      'v1.1': "Merge branch 'hotfix/x'",
    });
  });

  it('reads branches declared deleted in a comment', () => {
    const {deleted} = parseGitGraph('gitGraph\n  %% deleted: "experiment/a", experiment/b\n  %% other\n  commit id: "x"');
    expect([...deleted]).toEqual(['experiment/a', 'experiment/b']);
  });

  it('honours mainBranchName', () => {
    const {history} = parseGitGraph("%%{init: {'gitGraph': {'mainBranchName': 'master'}}}%%\ngitGraph\n  commit id: \"a\"");
    expect([...history.branches.keys()]).toEqual(['master']);
  });

  it('a branch without commits of its own points where it was created', () => {
    const source = 'gitGraph\n  commit id: "a"\n  branch feature\n  checkout main\n  commit id: "b"';
    expect(subjects(source, 'feature')).toEqual(['a']);
    expect(subjects(source, 'main')).toEqual(['a', 'b']);
  });

  it('rejects what the runner cannot match or Mermaid cannot draw, with the line', () => {
    const error = (source: string): string => {
      try {
        parseGitGraph(source);
      } catch (e) {
        expect(e).toBeInstanceOf(GitGraphError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(error('gitGraph\n  commit')).toBe('line 2: commit without id: "<subject>" (the runner matches commits by subject)');
    expect(error('gitGraph\n  commit id: "a"\n  checkout develop')).toBe(
      'line 3: checkout "develop": no branch of that name was created',
    );
    expect(error('gitGraph\n  commit id: "a"\n  commit id: "a"')).toContain('used twice');
    expect(error('gitGraph\n  commit id: "a"\n  branch b\n  commit id: "c"\n  checkout main\n  merge b')).toBe(
      'line 6: merge b without id: "<subject of the merge commit>"',
    );
    expect(error('gitGraph\n  commit id: "a"\n  rebase main')).toBe('line 3: unknown statement "rebase"');
    expect(error('gitGraph\n  commit id: "a" colour: red x')).toContain('cannot read');
  });
});
