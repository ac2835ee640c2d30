// Each numbered migration on a real SQLite file: applied in order, one transaction each, recorded in
// user_version, idempotent on reopen; and the hot open-incidents query uses its index.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNFINISHED_DECLARES_SQL } from '../../src-main/core/declare/outbox.js';
import { openDatabase } from '../../src-main/core/store/database.js';
import { migrate, MIGRATIONS, schemaVersion } from '../../src-main/core/store/migrations/index.js';
import { makeTempHome } from '../support/temp-home.js';

const tables = (db: BetterSqlite3.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let file: string;
  beforeEach(() => {
    temp = makeTempHome();
    file = join(temp.home, 'app.db');
  });
  afterEach(() => temp.cleanup());

  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates the local incident store', () => {
    const db = new BetterSqlite3(file);
    expect(migrate(db, 1)).toBe(1);
    expect(tables(db)).toEqual(['incident_timeline', 'incidents']);
    // the CHECK constraints refuse what the schema refuses
    expect(() =>
      db.prepare(`INSERT INTO incidents (id,name,title,severity,status,declared_by,created_at,updated_at) VALUES ('1','n','t','SEV9','investigating','me','x','x')`).run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('002 adds the outbox on top of existing data', () => {
    const db = new BetterSqlite3(file);
    migrate(db, 1);
    db.prepare(`INSERT INTO incidents (id,name,title,severity,status,declared_by,created_at,updated_at) VALUES ('1','n','t','SEV1','investigating','me','x','x')`).run();
    expect(migrate(db, 2)).toBe(2);
    expect(tables(db)).toContain('declares');
    expect(tables(db)).toContain('declare_steps');
    expect(db.prepare('SELECT COUNT(*) AS n FROM incidents').get()).toEqual({ n: 1 });
    db.close();
  });

  it('003 adds the notification ledger whose key makes a second notify impossible', () => {
    const db = new BetterSqlite3(file);
    expect(migrate(db, 3)).toBe(3);
    const insert = db.prepare(`INSERT INTO notification_ledger (source, event_id, kind, notified_at) VALUES ('hub','42','declared','t')`);
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('openDatabase reaches the latest version in WAL mode and reopening changes nothing', () => {
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a file written by a newer app instead of corrupting it', () => {
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this app knows/);
  });

  it('a failing migration leaves the file at the previous version', () => {
    const db = new BetterSqlite3(file);
    migrate(db, 1);
    db.exec('CREATE TABLE declares (x TEXT)'); // makes 002 fail part-way
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    db.close();
  });

  it('the unfinished-declares query (every snapshot) uses the partial index', () => {
    const db = openDatabase(file);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${UNFINISHED_DECLARES_SQL}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('declares_unfinished');
    expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
