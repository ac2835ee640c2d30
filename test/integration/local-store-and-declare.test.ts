import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import { makeTempHome } from '../support/temp-home.js';

describe('core with the embedded local store', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let core: Core;
  const clock = { now: () => new Date('2026-11-24T10:00:00Z') };
  const open = async (env: NodeJS.ProcessEnv = {}) => {
    core = createNodeCore({ home: temp.home, env, clock });
    await core.start();
  };
  const declareAndWait = async (input: unknown) => {
    const started = await core.declare(input);
    return (await core.runDeclare(started.id)) ?? started;
  };
  beforeEach(async () => {
    temp = makeTempHome();
    await open();
  });
  afterEach(async () => {
    await core.close();
    temp.cleanup();
  });

  it('keeps its SQLite files (outbox and local incidents) in the home folder', async () => {
    await declareAndWait({ title: 'Files', severity: 'SEV3' });
    expect(existsSync(join(temp.home, 'incident-tray.db'))).toBe(true);
    expect(existsSync(join(temp.home, 'local-incidents.db'))).toBe(true);
  });

  it('declares into the local store and reports unconfigured vendors honestly', async () => {
    const started = await core.declare({ title: 'Checkout 5xx', severity: 'SEV2', service: 'checkout' });
    expect(started.name).toBe('inc-20261124-checkout-5xx');
    expect(['pending', 'running']).toContain(started.steps.find((s) => s.step === 'hub')?.status);
    const result = await core.runDeclare(started.id);
    expect(result?.finished).toBe(true);
    expect(result?.steps.map(({ step, status }) => ({ step, status }))).toEqual([
      { step: 'slack.channel', status: 'not-configured' },
      { step: 'slack.headline', status: 'not-configured' },
      { step: 'slack.digest', status: 'not-configured' },
      { step: 'pagerduty', status: 'not-configured' },
      { step: 'hub', status: 'done' },
    ]);
    const snapshot = core.snapshot();
    expect(snapshot.store).toBe('local');
    expect(snapshot.pendingDeclares).toBe(0);
    expect(snapshot.incidents).toHaveLength(1);
    expect(snapshot.incidents[0]).toMatchObject({ id: started.id, name: started.name, severity: 'SEV2', status: 'investigating', service: 'checkout', commander: expect.any(String) });
  });

  it('skips the page for severities routed to Slack only', async () => {
    const result = await declareAndWait({ title: 'Typo on status page', severity: 'SEV4' });
    expect(result.steps.find((s) => s.step === 'pagerduty')?.status).toBe('skipped');
  });

  it('gives a second incident with the same title a suffixed, unique name', async () => {
    const first = await declareAndWait({ title: 'Login broken', severity: 'SEV1' });
    const second = await declareAndWait({ title: 'Login broken', severity: 'SEV1' });
    expect(second.name).toBe(`${first.name}-2`);
    expect(core.snapshot().incidents.map((i) => i.name).sort()).toEqual([first.name, `${first.name}-2`]);
  });

  it('refuses bad input and writes nothing', async () => {
    await expect(core.declare({ title: '', severity: 'SEV1' })).rejects.toThrow(/title must not be empty/);
    await expect(core.declare({ title: 'x', severity: 'SEV0' })).rejects.toThrow(/severity must be one of/);
    expect(core.snapshot().incidents).toHaveLength(0);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM declares').get()).toEqual({ n: 0 });
  });

  it('pushes progress and a snapshot to listeners while a declare runs', async () => {
    const incidents: number[] = [];
    const hubStatuses: string[] = [];
    core.onSnapshot((s) => incidents.push(s.incidents.length));
    core.onDeclareProgress((p) => hubStatuses.push(p.steps.find((s) => s.step === 'hub')?.status ?? '?'));
    await declareAndWait({ title: 'Queue backlog', severity: 'SEV3' });
    expect(hubStatuses).toContain('running');
    expect(hubStatuses.at(-1)).toBe('done');
    // Snapshots are coalesced to one per tick: the last one follows right after.
    await vi.waitFor(() => expect(incidents.at(-1)).toBe(1));
  });

  it('survives a restart: a second core on the same home sees the incident', async () => {
    const { id } = await declareAndWait({ title: 'Persisted', severity: 'SEV2' });
    await core.close();
    await open();
    expect(core.snapshot().incidents.map((i) => i.id)).toEqual([id]);
  });
});
