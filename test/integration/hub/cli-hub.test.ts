// `incident-tray hub` and `hub token create` as a user runs them: real processes, a real database
// (the SQLite file, or PostgreSQL with --database-url / DATABASE_URL).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSchema } from '../../support/postgres-schemas.js';
import { makeTempHome } from '../../support/temp-home.js';
import { postgresTestUrl } from './hub-fixture.js';

const BIN = fileURLToPath(new URL('../../../bin/incident-tray.mjs', import.meta.url));

describe('incident-tray hub', () => {
  let temp: ReturnType<typeof makeTempHome>;
  beforeEach(() => {
    temp = makeTempHome();
  });
  afterEach(() => temp.cleanup());
  const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home, ...extra });
  const run = (...args: string[]) => runWith({}, ...args);
  const runWith = (extra: Record<string, string>, ...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: env(extra) });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('token create prints the token alone; bad emails and ports exit 2', () => {
    const created = run('hub', 'token', 'create', '--user', 'alice@example.com');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^it_[A-Za-z0-9_-]{43}\n$/);
    const bad = run('hub', 'token', 'create', '--user', 'not-an-email');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--user must be an email address');
    expect(bad.stdout).toBe('');
    expect(run('hub', 'token', 'create').code).toBe(2);
    expect(run('hub', '--port', '70000').code).toBe(2);
    const both = run('hub', '--db', 'x.db', '--database-url', 'postgres://localhost/hub');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --db (SQLite) or --database-url (PostgreSQL)');
    const notPostgres = run('hub', 'token', 'create', '--user', 'alice@example.com', '--database-url', 'mysql://root:secret@db/hub');
    expect(notPostgres.code).toBe(2);
    expect(notPostgres.stderr).toContain('mysql://root:***@db/hub');
    expect(notPostgres.stderr).not.toContain('secret');
  }, 90_000);

  it('hub prints its URL, serves the API with a token from token create, and exits 0 on SIGTERM', async () => {
    const db = join(temp.home, 'custom', 'hub.db');
    const token = run('hub', 'token', 'create', '--user', 'alice@example.com', '--db', db).stdout.trim();
    await servesWithToken(['--db', db], {}, token);
  }, 60_000);

  it.skipIf(postgresTestUrl() === undefined)('on PostgreSQL: token create --database-url, then hub with DATABASE_URL from the environment', async () => {
    const schema = await createTestSchema(postgresTestUrl() ?? '');
    try {
      const created = run('hub', 'token', 'create', '--user', 'alice@example.com', '--database-url', schema.url);
      expect(created.stderr).toBe('');
      expect(created.stdout).toMatch(/^it_[A-Za-z0-9_-]{43}\n$/);
      await servesWithToken([], { DATABASE_URL: schema.url }, created.stdout.trim());
      expect((await schema.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${schema.name}.tokens`)).rows[0]?.n).toBe(1);
      // No SQLite file was made on the side.
      expect(spawnSync('ls', [temp.home], { encoding: 'utf8' }).stdout).not.toContain('incident-hub.db');
    } finally {
      await schema.drop();
    }
  }, 60_000);

  async function servesWithToken(args: string[], extraEnv: Record<string, string>, token: string) {
    const child = spawn(process.execPath, [BIN, 'hub', '--port', '0', ...args], { env: env(extraEnv) });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(out);
          if (match?.[1] && match[2] !== '0') resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`hub exited ${code}`)));
      });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const list = await fetch(`${url}/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual({ incidents: [] });
      expect((await fetch(`${url}/v1/incidents`)).status).toBe(401);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }

  it('defaults to incident-hub.db in the app home', () => {
    run('hub', 'token', 'create', '--user', 'alice@example.com');
    expect(spawnSync('ls', [temp.home], { encoding: 'utf8' }).stdout).toContain('incident-hub.db');
  }, 60_000);
});
