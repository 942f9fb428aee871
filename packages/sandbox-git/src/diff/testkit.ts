// Random text for the oracle tests (diff.test.ts, merge.test.ts): a seeded PRNG and line pools
// chosen so that repeats, moved blocks, blank lines, indentation, whitespace errors, conflict
// markers, accents (UTF-8 and Latin-1) and long lines are frequent; and git's environment there.
// No Node.js imports.


function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number) {
    return Math.floor(this.next() * n);
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

// Lines are binary strings (one char per byte): UTF-8 and Latin-1 accents both occur.
export const TINY = ['a', 'b', 'c', '', 'x', 'y', '}'];
export const CODE = [
  'function total(items) {',
  '  let sum = 0;',
  '  for (const item of items) {',
  '    sum += item.price;',
  '  }',
  '  return sum;',
  '}',
  '',
  '',
  '  if (cart.empty) {',
  '    return null;',
  '\tconsole.log(x);',
  '\t\treturn;',
  '}',
  '  // comment',
  'export const TAX = 0.22;',
  '_private = 1;',
  '$jq = 2;',
  '#define X 1',
  '    ',
];
export const WS = ['foo ', '\tbar', ' \tbaz', '  ', '\t', 'qux\t', 'ok', '', '<<<<<<< HEAD', '=======', '>>>>>>> topic', '|||||||', '=======x', '<<<<<<<', ' \t x', '\t \tmixed'];
export const PROSE = [
  'Il carrello è vuoto: aggiungi un prodotto per continuare',
  'Il carrello \xe8 vuoto (Latin-1)',
  'caff\xc3\xa8 con latte e zucchero',
  'Questa riga è lunga, molto lunga, tanto lunga che supera gli ottanta byte: più di così non si può',
  'Una funzione con un nome lunghissimo che arriva fino a settantanove byte e poi un accènto',
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\xc3\xa8\xc3\xa8 tail',
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyza\xc3\xa8 tail',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ \t  ',
  '    indented prose',
  '',
];
export const MEDIUM = Array.from({length: 40}, (_, i) => `line ${i}`);
export const STYLES = [TINY, CODE, WS, PROSE, MEDIUM, [...TINY, ...CODE]] as const;

export function lines(rng: Rng, pool: readonly string[], n: number) {
  return Array.from({length: n}, () => pool[rng.int(pool.length)] as string);
}

/** Edits a copy of `base`: inserts, deletions, replacements, moved and duplicated blocks. */
export function mutate(rng: Rng, base: string[], pool: readonly string[]) {
  const out = [...base];
  const ops = 1 + rng.int(6);
  for (let k = 0; k < ops; k++) {
    const at = rng.int(out.length + 1);
    const len = 1 + rng.int(Math.max(1, Math.min(6, out.length)));
    switch (rng.int(6)) {
      case 0:
        out.splice(at, 0, ...lines(rng, pool, len));
        break;
      case 1:
        out.splice(at, len);
        break;
      case 2:
        out.splice(at, len, ...lines(rng, pool, 1 + rng.int(4)));
        break;
      case 3: {
        const block = out.splice(at, len);
        out.splice(rng.int(out.length + 1), 0, ...block);
        break;
      }
      case 4:
        out.splice(rng.int(out.length + 1), 0, ...out.slice(at, at + len));
        break;
      default:
        if (out.length) out[rng.int(out.length)] = rng.pick(pool) + (rng.chance(0.5) ? ' ' : '');
    }
  }
  return out;
}

export function joinLines(rng: Rng, ls: string[], eol: string, finalNewline: boolean) {
  const text = ls.map((l) => l + (eol === 'mixed' ? (rng.chance(0.3) ? '\r\n' : '\n') : eol)).join('');
  return finalNewline || !text ? text : text.replace(/\r?\n$/, '');
}


/**
 * The environment for real git in the oracle tests: no system or global config, `home` as HOME,
 * fixed identities and dates, C locale, non-tty widths.
 */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    HOME: home,
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_AUTHOR_DATE: '1700000000 +0000',
    GIT_COMMITTER_DATE: '1700000000 +0000',
    LC_ALL: 'C',
    COLUMNS: '',
    GIT_PAGER: 'cat',
    // glibc grows git's heap by brk in small steps, and brk is very slow on these VMs (fast-import
    // of the diff test's blobs: 5 s, against 0.2 s when the heap grows 16 MiB at a time).
    MALLOC_TOP_PAD_: String(16 << 20),
  };
}
