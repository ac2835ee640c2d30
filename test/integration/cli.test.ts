// The `incident-tray` command as a user runs it: a real process, a real home folder, exit codes of §5.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DECLARE_STEPS } from '../../src-shared/domain.js';
import { makeTempHome } from '../support/temp-home.js';

const BIN = fileURLToPath(new URL('../../bin/incident-tray.mjs', import.meta.url));

describe('incident-tray CLI', () => {
  let temp: ReturnType<typeof makeTempHome>;
  beforeEach(() => {
    temp = makeTempHome();
  });
  afterEach(() => temp.cleanup());

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('--help lists every command of DESIGN.md §5', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    for (const command of ['hub', 'declare', 'list', 'update', 'resolve', 'doctor', 'outbox', 'retry', 'watch', 'ui']) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(run('hub', 'token', 'create', '--help').stdout).toContain('--user <email>');
  });

  it('declare --json prints the §5 shape and list shows the incident', () => {
    const declared = run('declare', '--title', 'Checkout 5xx', '--severity', 'SEV2', '--service', 'checkout', '--json');
    expect(declared.code).toBe(0);
    const result = JSON.parse(declared.stdout) as { id: string; name: string; steps: { step: string; status: string }[] };
    expect(result.name).toMatch(/^inc-\d{8}-checkout-5xx$/);
    expect(result.steps.map((s) => s.step)).toEqual([...DECLARE_STEPS]);
    for (const s of result.steps) expect(['done', 'failed', 'skipped', 'not-configured']).toContain(s.status);
    const listed = JSON.parse(run('list', '--json').stdout) as { incidents: { id: string }[] };
    expect(listed.incidents.map((i) => i.id)).toEqual([result.id]);
    expect(run('list').stdout).toContain(result.name);
  });

  it('bad input exits 2 with a clear message and writes nothing', () => {
    const badSeverity = run('declare', '--title', 'x', '--severity', 'SEV9');
    expect(badSeverity.code).toBe(2);
    expect(badSeverity.stderr).toContain('severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5');
    expect(run('declare', '--title', '   ', '--severity', 'SEV1').stderr).toContain('title must not be empty');
    expect(run('declare', '--severity', 'SEV1').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(JSON.parse(run('list', '--json').stdout).incidents).toEqual([]);
  });

  it('a configured vendor that cannot run yet exits 1 and says what to do by hand', () => {
    const result = spawnSync(process.execPath, [BIN, 'declare', '--title', 'Queue stuck', '--severity', 'SEV3'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home, SLACK_TOKEN: 'xoxb-cli-test' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('by hand meanwhile: Create #inc-');
    expect(result.stdout + result.stderr).not.toContain('xoxb-cli-test');
  });

  it('doctor reports each service and the outbox is empty after a finished declare', () => {
    const doctor = JSON.parse(run('doctor', '--json').stdout) as { checks: { target: string; state: string }[] };
    expect(doctor.checks.map((c) => [c.target, c.state])).toEqual([
      ['slack', 'not-configured'],
      ['pagerduty', 'not-configured'],
      ['hub', 'not-configured'],
    ]);
    run('declare', '--title', 'x', '--severity', 'SEV5');
    expect(JSON.parse(run('outbox', '--json').stdout)).toEqual({ declares: [] });
  });

  it('ui --port 0 prints the URL of the served popover', async () => {
    const child = spawn(process.execPath, [BIN, 'ui', '--port', '0'], {
      env: { PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = /ui on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`ui exited ${code}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);

  it('update and resolve by name: the local record changes, bad input exits 2, resolved leaves the list', () => {
    const { id, name } = JSON.parse(run('declare', '--title', 'Search slow', '--severity', 'SEV2', '--json').stdout) as { id: string; name: string };
    const updated = run('update', name, '--message', 'Index rebuilt, latency back to normal', '--status', 'monitoring', '--json');
    expect(updated.code).toBe(0);
    const result = JSON.parse(updated.stdout) as { incident: { status: string; lastUpdateAt?: string }; steps: { step: string; status: string }[] };
    expect(result.incident.status).toBe('monitoring');
    expect(result.incident.lastUpdateAt).toBeDefined();
    expect(result.steps).toEqual([{ step: 'hub', status: 'done' }, { step: 'slack.channel', status: 'not-configured' }, { step: 'slack.digest', status: 'not-configured' }]);

    expect(run('update', name, '--message', '  ').stderr).toContain('the update must not be empty');
    expect(run('update', name, '--message', 'x'.repeat(10_001)).code).toBe(2);
    const unknown = run('update', 'no-such-incident', '--message', 'hello');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-incident');

    const resolved = run('resolve', id);
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain(`resolved ${name} (SEV2, resolved)`);
    expect(JSON.parse(run('list', '--json').stdout).incidents).toEqual([]);
  });
});
