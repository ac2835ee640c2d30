import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import { makeTempHome } from '../support/temp-home.js';

describe('core with the embedded local store', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let core: Core;
  const clock = { now: () => new Date('2026-11-24T10:00:00Z') };
  beforeEach(() => {
    temp = makeTempHome();
    core = createNodeCore({ home: temp.home, env: {}, clock });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('keeps its SQLite file in the home folder', () => {
    expect(existsSync(join(temp.home, 'incident-tray.db'))).toBe(true);
  });

  it('declares into the local store and reports unconfigured vendors honestly', () => {
    const result = core.declare({ title: 'Checkout 5xx', severity: 'SEV2', service: 'checkout' });
    expect(result.name).toBe('inc-20261124-checkout-5xx');
    expect(result.steps).toEqual([
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
    expect(snapshot.incidents[0]).toMatchObject({ name: result.name, severity: 'SEV2', status: 'investigating', service: 'checkout' });
  });

  it('skips the page for severities routed to Slack only', () => {
    const result = core.declare({ title: 'Typo on status page', severity: 'SEV4' });
    expect(result.steps.find((s) => s.step === 'pagerduty')).toEqual({ step: 'pagerduty', status: 'skipped' });
  });

  it('gives a second incident with the same title a suffixed, unique name', () => {
    const first = core.declare({ title: 'Login broken', severity: 'SEV1' });
    const second = core.declare({ title: 'Login broken', severity: 'SEV1' });
    expect(second.name).toBe(`${first.name}-2`);
  });

  it('refuses bad input and writes nothing', () => {
    expect(() => core.declare({ title: '', severity: 'SEV1' })).toThrow(/title must not be empty/);
    expect(() => core.declare({ title: 'x', severity: 'SEV0' })).toThrow(/severity must be one of/);
    expect(core.snapshot().incidents).toHaveLength(0);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM declares').get()).toEqual({ n: 0 });
  });

  it('pushes a snapshot to listeners after a declare', () => {
    const seen: number[] = [];
    core.onSnapshot((s) => seen.push(s.incidents.length));
    core.declare({ title: 'Queue backlog', severity: 'SEV3' });
    expect(seen).toEqual([1]);
  });

  it('survives a restart: a second core on the same home sees the incident', () => {
    const { id } = core.declare({ title: 'Persisted', severity: 'SEV2' });
    core.close();
    core = createNodeCore({ home: temp.home, env: {}, clock });
    expect(core.snapshot().incidents.map((i) => i.id)).toEqual([id]);
  });

  it('with a Slack token configured, says the step failed and what to do by hand', () => {
    core.close();
    core = createNodeCore({ home: temp.home, env: { SLACK_TOKEN: 'xoxb-test' }, clock });
    const result = core.declare({ title: 'API latency', severity: 'SEV3' });
    const channel = result.steps.find((s) => s.step === 'slack.channel');
    expect(channel?.status).toBe('failed');
    expect(channel?.manualFallback).toContain(`#${result.name}`);
  });
});
