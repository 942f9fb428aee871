/**
 * POSIX path helpers (the engine runs where `node:path` does not exist). Every path the engine
 * handles is absolute and uses `/`; repository paths (index, trees) are relative, without `./`.
 */

/** @param {string} path */
export function normalize(path) {
  const absolute = path.startsWith('/');
  /** @type {string[]} */
  const parts = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** @param {...string} parts */
export function join(...parts) {
  return normalize(parts.filter((part) => part !== '').join('/'));
}

/** `path` made absolute against `cwd` (an absolute path). @param {string} cwd @param {string} path */
export function resolve(cwd, path) {
  return normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** @param {string} path */
export function dirname(path) {
  const index = path.replace(/\/+$/, '').lastIndexOf('/');
  if (index < 0) return '.';
  if (index === 0) return '/';
  return path.slice(0, index);
}

/** @param {string} path */
export function basename(path) {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * `to` relative to `from` (both absolute), as `../x` when needed.
 * @param {string} from
 * @param {string} to
 */
export function relative(from, to) {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  return [...up, ...b.slice(common)].join('/');
}

/** True when `path` is `dir` or inside it (both absolute, normalized). @param {string} dir @param {string} path */
export function isInside(dir, path) {
  return path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
}
