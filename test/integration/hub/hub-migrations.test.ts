// Each numbered hub migration on a real SQLite file, WAL mode, and the query plans of the hot queries.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSql } from '../../../src-hub/storage/sqlite/list-sql.js';
import { HUB_MIGRATIONS, hubSchemaVersion, migrateHub } from '../../../src-hub/storage/sqlite/migrations/index.js';
import { openHubDatabase } from '../../../src-hub/storage/sqlite/open-hub-database.js';
import { makeTempHome } from '../../support/temp-home.js';

const tables = (db: BetterSqlite3.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
const insertIncident = (db: BetterSqlite3.Database, id: string, status = 'investigating', createdAt = '2026-01-01T00:00:00.000Z') =>
  db
    .prepare(`INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at) VALUES (?, ?, 't', 'SEV1', ?, 'me', ?, ?)`)
    .run(id, `inc-${id}`, status, createdAt, createdAt);

describe('hub migrations', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let file: string;
  beforeEach(() => {
    temp = makeTempHome();
    file = join(temp.home, 'hub.db');
  });
  afterEach(() => temp.cleanup());

  it('are numbered 1..n without gaps', () => {
    expect(HUB_MIGRATIONS.map((m) => m.version)).toEqual(HUB_MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates incidents and the timeline, with CHECKs and a unique name', () => {
    const db = new BetterSqlite3(file);
    expect(migrateHub(db, 1)).toBe(1);
    expect(tables(db)).toEqual(['incident_timeline', 'incidents']);
    insertIncident(db, 'a');
    expect(() => db.prepare(`INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at) VALUES ('b', 'inc-a', 't', 'SEV1', 'investigating', 'me', 'x', 'x')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at) VALUES ('c', 'n', 't', 'SEV9', 'investigating', 'me', 'x', 'x')`).run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT version FROM incidents').get()).toEqual({ version: 1 });
    db.close();
  });

  it('002 adds the event log and a random identity per database, keeping existing incidents', () => {
    const db = new BetterSqlite3(file);
    migrateHub(db, 1);
    insertIncident(db, 'a');
    expect(migrateHub(db, 2)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['events', 'hub_meta']));
    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM hub_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    expect(meta.epoch).toMatch(/^[0-9a-f]{12}$/);
    expect(meta.cursor_key).toMatch(/^[0-9a-f]{64}$/);
    expect(() => db.prepare(`INSERT INTO events (type, incident_id, data, at) VALUES ('incident.exploded', 'a', '{}', 'x')`).run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM incidents').get()).toEqual({ n: 1 });
    const other = new BetterSqlite3(join(temp.home, 'other.db'));
    migrateHub(other, 2);
    expect((other.prepare(`SELECT value FROM hub_meta WHERE key = 'epoch'`).get() as { value: string }).value).not.toBe(meta.epoch);
    other.close();
    db.close();
  });

  it('003 adds tokens that can only hold a SHA-256 hex hash', () => {
    const db = new BetterSqlite3(file);
    expect(migrateHub(db, 3)).toBe(3);
    expect(() => db.prepare(`INSERT INTO tokens VALUES ('it_plaintext', 'a@example.com', 'x')`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO tokens VALUES (?, 'a@example.com', 'x')`).run('a'.repeat(64));
    db.close();
  });

  it('004 adds idempotency keys, unique per user and key', () => {
    const db = new BetterSqlite3(file);
    expect(migrateHub(db, 4)).toBe(4);
    const insert = db.prepare(`INSERT INTO idempotency_keys (user_email, key, fingerprint, state, created_at) VALUES (?, 'k', 'f', 'in-progress', 'x')`);
    insert.run('a@example.com');
    insert.run('b@example.com');
    expect(() => insert.run('a@example.com')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('openHubDatabase reaches the latest version in WAL mode; reopening changes nothing', () => {
    const db = openHubDatabase(file);
    expect(hubSchemaVersion(db)).toBe(HUB_MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    const again = openHubDatabase(file);
    expect(hubSchemaVersion(again)).toBe(HUB_MIGRATIONS.length);
    again.close();
  });

  it('refuses a file from a newer hub, and a failing migration leaves the previous version', () => {
    const newer = new BetterSqlite3(file);
    newer.pragma(`user_version = ${HUB_MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openHubDatabase(file)).toThrow(/newer than this hub knows/);

    const broken = new BetterSqlite3(join(temp.home, 'broken.db'));
    migrateHub(broken, 2);
    broken.exec('CREATE TABLE tokens (x TEXT)'); // makes 003 fail
    expect(() => migrateHub(broken)).toThrow();
    expect(hubSchemaVersion(broken)).toBe(2);
    broken.close();
  });

  describe('query plans of the list', () => {
    const plan = (db: BetterSqlite3.Database, sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ limit: 10, createdAt: 'x', id: 'y' }) as { detail: string }[]).map((r) => r.detail).join('\n');

    it.each([
      ['open', false, 'incidents_open'],
      ['open', true, 'incidents_open'],
      ['resolved', false, 'incidents_resolved'],
      ['resolved', true, 'incidents_resolved'],
      ['all', false, 'incidents_by_created'],
      ['all', true, 'incidents_by_created'],
    ] as const)('status=%s (cursor: %s) walks %s in order, no sort step', (status, withCursor, index) => {
      const db = openHubDatabase(file);
      // Enough rows and fresh statistics that the planner decides as it would in production.
      for (let i = 0; i < 200; i++) insertIncident(db, `i${i}`, i % 10 === 0 ? 'investigating' : 'resolved', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
      db.exec('ANALYZE');
      const detail = plan(db, listSql(status, withCursor));
      expect(detail).toContain(index);
      expect(detail).not.toMatch(/TEMP B-TREE/);
      db.close();
    });
  });
});
