/**
 * Where the learner's repository is kept between visits: one IndexedDB record per phase and
 * locale. A browser without IndexedDB (or one that refuses it: private windows, storage off)
 * gets `undefined` from `openStore`, and the playground says its work will not be kept.
 */
import {isSnapshot, type PlaygroundSnapshot} from './snapshot';

const DB_NAME = 'corso-git-playground';
const STORE = 'repositories';

export interface SnapshotStore {
  load(key: string): Promise<PlaygroundSnapshot | undefined>;
  save(key: string, snapshot: PlaygroundSnapshot): Promise<void>;
  remove(key: string): Promise<void>;
}

export const snapshotKey = (locale: string, phase: string) => `${locale}/${phase}`;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export async function openStore(): Promise<SnapshotStore | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
    };
    db = await request(open);
  } catch {
    return undefined;
  }
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    async load(key) {
      const value: unknown = await request(tx('readonly').get(key));
      return isSnapshot(value) ? value : undefined;
    },
    async save(key, snapshot) {
      await request(tx('readwrite').put(snapshot, key));
    },
    async remove(key) {
      await request(tx('readwrite').delete(key));
    },
  };
}
