// `incident-tray hub` and `hub token create` as a user runs them: real processes, a real database.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempHome } from '../../support/temp-home.js';

const BIN = fileURLToPath(new URL('../../../bin/incident-tray.mjs', import.meta.url));

describe('incident-tray hub', () => {
  let temp: ReturnType<typeof makeTempHome>;
  beforeEach(() => {
    temp = makeTempHome();
  });
  afterEach(() => temp.cleanup());
  const env = () => ({ PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home });
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: env() });
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
  }, 90_000);

  it('hub prints its URL, serves the API with a token from token create, and exits 0 on SIGTERM', async () => {
    const db = join(temp.home, 'custom', 'hub.db');
    const token = run('hub', 'token', 'create', '--user', 'alice@example.com', '--db', db).stdout.trim();
    const child = spawn(process.execPath, [BIN, 'hub', '--port', '0', '--db', db], { env: env() });
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
  }, 60_000);

  it('defaults to incident-hub.db in the app home', () => {
    run('hub', 'token', 'create', '--user', 'alice@example.com');
    expect(spawnSync('ls', [temp.home], { encoding: 'utf8' }).stdout).toContain('incident-hub.db');
  }, 60_000);
});
