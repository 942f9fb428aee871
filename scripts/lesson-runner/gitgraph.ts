/**
 * Parses a Mermaid `gitGraph` diagram into a HistoryModel, following the course convention:
 * every commit's `id:` is the subject of the real commit, merges carry the merge commit's
 * subject in `id:`, tags via `tag:`. Supported statements (names quoted or bare):
 *
 *   commit [id: "..."] [msg: "..."] [type: NORMAL|REVERSE|HIGHLIGHT] [tag: "..."]...
 *   branch name [order: n]
 *   checkout name | switch name
 *   merge name [id: "..."] [tag: "..."] [type: ...]
 *   cherry-pick id: "..." [parent: "..."] [tag: "..."]
 *
 * `%% deleted: name, ...` declares branches the lesson deleted in a way the runner cannot see
 * (it sees `git branch -d/-D` in the blocks above by itself).
 *
 * Ignored: other `%%` comments, `%%{init}%%` and front matter config (except `mainBranchName`),
 * `accTitle:`/`accDescr:` (kept as metadata), the optional `gitGraph LR:` orientation.
 */
import {emptyHistory, type HistoryModel} from './history';

export interface GitGraphDiagram {
  /** Branches declared deleted with a `%% deleted: a, b` comment line. */
  deleted: Set<string>;
  accTitle?: string;
  accDescr?: string;
  history: HistoryModel;
  /** Line (1-based, inside the diagram source) of each commit id, for messages. */
  commitLines: Map<string, number>;
}

export class GitGraphError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Lines of the diagram after the optional `---` front matter block. */
function bodyLines(source: string): {lines: string[]; offset: number; frontMatter: string} {
  const lines = source.split('\n');
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  if (lines[start]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > start && line.trim() === '---');
    if (end !== -1) {
      return {
        lines: lines.slice(end + 1),
        offset: end + 1,
        frontMatter: lines.slice(start + 1, end).join('\n'),
      };
    }
  }
  return {lines, offset: 0, frontMatter: ''};
}

const isComment = (line: string): boolean => line.trim().startsWith('%%');

/** True when the first statement of a Mermaid source is `gitGraph`. */
export function isGitGraph(source: string): boolean {
  const {lines} = bodyLines(source);
  const first = lines.find((line) => line.trim() !== '' && !isComment(line));
  return first !== undefined && /^gitGraph\b/.test(first.trim());
}

interface Statement {
  keyword: string;
  name?: string;
  attributes: Array<[string, string]>;
}

const NAME = /^(?:"([^"]*)"|'([^']*)'|([^\s"':]+))/;
const ATTRIBUTE = /^([A-Za-z]+)\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/;

function parseStatement(text: string, line: number): Statement {
  const keywordMatch = /^(cherry-pick|[A-Za-z]+)\b\s*/.exec(text);
  if (!keywordMatch) throw new GitGraphError(`cannot read "${text}"`, line);
  const keyword = keywordMatch[1]!;
  if (!['commit', 'branch', 'checkout', 'switch', 'merge', 'cherry-pick'].includes(keyword)) {
    throw new GitGraphError(`unknown statement "${keyword}"`, line);
  }
  let rest = text.slice(keywordMatch[0].length);
  let name: string | undefined;
  if (['branch', 'checkout', 'switch', 'merge'].includes(keyword)) {
    const nameMatch = NAME.exec(rest);
    if (!nameMatch) throw new GitGraphError(`"${keyword}" needs a branch name`, line);
    name = nameMatch[1] ?? nameMatch[2] ?? nameMatch[3];
    rest = rest.slice(nameMatch[0].length).trimStart();
  }
  const attributes: Array<[string, string]> = [];
  while (rest !== '') {
    const match = ATTRIBUTE.exec(rest);
    if (!match) throw new GitGraphError(`cannot read "${rest}" in "${text}"`, line);
    attributes.push([match[1]!, match[2] ?? match[3] ?? match[4]!]);
    rest = rest.slice(match[0].length).trimStart();
  }
  return {keyword, name, attributes};
}

const attribute = (statement: Statement, key: string): string | undefined =>
  statement.attributes.find(([k]) => k === key)?.[1];
const attributesOf = (statement: Statement, key: string): string[] =>
  statement.attributes.filter(([k]) => k === key).map(([, v]) => v);

export function parseGitGraph(source: string): GitGraphDiagram {
  const {lines, offset, frontMatter} = bodyLines(source);
  const mainBranch =
    /mainBranchName['"]?\s*:\s*['"]?([^'"\s,}]+)/.exec(frontMatter + '\n' + source)?.[1] ?? 'main';

  const history = emptyHistory();
  const commitLines = new Map<string, number>();
  const created = new Set<string>([mainBranch]);
  let current = mainBranch;
  let accTitle: string | undefined;
  let accDescr: string | undefined;
  let started = false;
  const deleted = new Set<string>();

  const addCommit = (subject: string, parents: string[], line: number, tags: string[]): void => {
    if (history.commits.has(subject)) {
      throw new GitGraphError(`commit id "${subject}" is used twice (Mermaid refuses it)`, line);
    }
    history.commits.set(subject, {id: subject, subject, parents});
    commitLines.set(subject, line);
    history.branches.set(current, subject);
    for (const tag of tags) {
      if (history.tags.has(tag)) throw new GitGraphError(`tag "${tag}" is used twice`, line);
      history.tags.set(tag, {target: subject});
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = i + 1 + offset;
    const text = lines[i]!.trim().replace(/;$/, '').trim();
    const deletion = /^%%\s*deleted\s*:\s*(.+)$/.exec(text);
    if (deletion) {
      for (const name of deletion[1]!.split(',')) deleted.add(name.trim().replace(/^["']|["']$/g, ''));
      continue;
    }
    if (text === '' || isComment(text)) continue;
    if (!started) {
      if (!/^gitGraph\b/.test(text)) throw new GitGraphError('the diagram must start with gitGraph', line);
      started = true;
      continue;
    }
    const acc = /^(accTitle|accDescr)\s*:\s*(.*)$/.exec(text);
    if (acc) {
      if (acc[1] === 'accTitle') accTitle = acc[2]!.trim();
      else accDescr = acc[2]!.trim();
      continue;
    }
    if (/^accDescr\s*\{/.test(text)) {
      const parts = [text.replace(/^accDescr\s*\{/, '')];
      while (!parts[parts.length - 1]!.includes('}') && i + 1 < lines.length) parts.push(lines[++i]!);
      accDescr = parts.join('\n').replace(/\}\s*$/, '').trim();
      continue;
    }
    const statement = parseStatement(text, line);
    const tip = history.branches.get(current);
    switch (statement.keyword) {
      case 'commit': {
        const id = attribute(statement, 'id');
        if (id === undefined) {
          throw new GitGraphError('commit without id: "<subject>" (the runner matches commits by subject)', line);
        }
        addCommit(id, tip === undefined ? [] : [tip], line, attributesOf(statement, 'tag'));
        break;
      }
      case 'branch': {
        const name = statement.name!;
        if (created.has(name)) throw new GitGraphError(`branch "${name}" already exists`, line);
        created.add(name);
        current = name;
        if (tip !== undefined) history.branches.set(name, tip);
        break;
      }
      case 'checkout':
      case 'switch': {
        const name = statement.name!;
        if (!created.has(name)) {
          throw new GitGraphError(`${statement.keyword} "${name}": no branch of that name was created`, line);
        }
        current = name;
        break;
      }
      case 'merge': {
        const name = statement.name!;
        const theirs = history.branches.get(name);
        if (!created.has(name) || theirs === undefined) {
          throw new GitGraphError(`merge "${name}": no branch of that name with commits`, line);
        }
        if (tip === undefined) throw new GitGraphError(`merge into "${current}", which has no commits`, line);
        const id = attribute(statement, 'id');
        if (id === undefined) {
          throw new GitGraphError(`merge ${name} without id: "<subject of the merge commit>"`, line);
        }
        addCommit(id, [tip, theirs], line, attributesOf(statement, 'tag'));
        break;
      }
      case 'cherry-pick': {
        const picked = attribute(statement, 'id');
        const original = picked === undefined ? undefined : history.commits.get(picked);
        if (!original) throw new GitGraphError(`cherry-pick of unknown commit id "${picked ?? ''}"`, line);
        // The copy keeps the original's subject; Mermaid gives it an id of its own.
        const id = `${original.subject}\u0000cherry-pick@${line}`;
        history.commits.set(id, {id, subject: original.subject, parents: tip === undefined ? [] : [tip]});
        commitLines.set(id, line);
        history.branches.set(current, id);
        for (const tag of attributesOf(statement, 'tag')) history.tags.set(tag, {target: id});
        break;
      }
      default:
        throw new GitGraphError(`unknown statement "${statement.keyword}"`, line);
    }
  }
  if (!started) throw new GitGraphError('the diagram must start with gitGraph', 1);
  return {deleted, accTitle, accDescr, history, commitLines};
}
