// The little the shell needs of electron-store: a JSON file of keys. Taking it as a port lets the
// composition root choose the library (electron-store in the app) and lets tests pass `conf`, the
// library electron-store is built on, which writes the very same files.
export interface JsonStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly path: string;
}

/** Opens `<home>/<name>.json`. */
export type OpenJsonStore = (home: string, name: 'settings' | 'secrets') => JsonStore;
