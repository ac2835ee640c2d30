// Opens the hub's SQLite file: WAL so readers never wait for the writer (and `hub token create` can
// run beside a live hub), a busy timeout so two writers queue instead of failing, then migrations.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrateHub } from './migrations/index.js';

export function openHubDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable against process crashes; a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateHub(db);
  return db;
}
