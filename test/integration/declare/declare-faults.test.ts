// Faults and bad input during a declare (issue: each a test): 429 honoured, 5xx retried, timeouts,
// revoked tokens, garbage JSON, a hub that is down and comes back, and titles no one expected.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeViolations } from '../../fakes/fake-http.js';
import { startDeclareWorld, startHubOn, stepOf, type DeclareWorld } from '../../support/declare-world.js';

describe('declare under faults', () => {
  let world: DeclareWorld;
  afterEach(async () => {
    const violations = world ? [...describeViolations(world.slack.calls), ...describeViolations(world.pagerduty.calls)] : [];
    await world?.close();
    expect(violations).toEqual([]);
  });

  it('honours Slack 429 Retry-After before trying again', async () => {
    world = await startDeclareWorld();
    world.slack.fail('conversations.create', { kind: 'status', status: 429, retryAfterSeconds: 1 });
    const result = await world.declare({ title: 'Rate limited', severity: 'SEV3' });
    expect(stepOf(result, 'slack.channel')).toMatchObject({ status: 'done', attempts: 2 });
    const creates = world.slack.calls.filter((c) => c.operation === 'conversations.create');
    expect(creates).toHaveLength(2);
    // Not a speed threshold: the vendor asked for a second, and the retry must not come sooner.
    expect((creates[1]?.at ?? 0) - (creates[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('retries PagerDuty 5xx with backoff and pages once', async () => {
    world = await startDeclareWorld();
    world.pagerduty.fail('POST /incidents', { kind: 'status', status: 503 }, 2);
    const result = await world.declare({ title: 'Flaky page', severity: 'SEV1', service: 'checkout' });
    expect(stepOf(result, 'pagerduty')).toMatchObject({ status: 'done', attempts: 3 });
    expect(world.pagerduty.incidents).toHaveLength(1);
  });

  it('gives up within the bound on a lasting 5xx: failed, waiting for network, queued in the outbox', async () => {
    world = await startDeclareWorld();
    world.pagerduty.fail('POST /incidents', { kind: 'status', status: 500 }, 100);
    const result = await world.declare({ title: 'PagerDuty down', severity: 'SEV1', service: 'checkout' });
    const page = stepOf(result, 'pagerduty');
    expect(page).toMatchObject({ status: 'failed', waitingForNetwork: true, attempts: 4 });
    expect(page.error).toMatch(/HTTP 500/);
    expect(page.manualFallback).toMatch(/Page the on-call of checkout/);
    expect(world.core.snapshot().outbox).toMatchObject([{ id: result.id, finished: false }]);
  });

  it('a Slack call that hangs times out and is retried; the channel is made once', async () => {
    world = await startDeclareWorld({ httpTimeoutMs: 300 });
    world.slack.fail('conversations.create', { kind: 'hang' });
    const result = await world.declare({ title: 'Slow Slack', severity: 'SEV3' });
    expect(stepOf(result, 'slack.channel')).toMatchObject({ status: 'done', attempts: 2 });
    expect(world.slack.channels.filter((c) => c.name.startsWith(result.name))).toHaveLength(1);
  });

  it('a headline Slack posted but whose answer was lost is found again, not posted twice', async () => {
    world = await startDeclareWorld();
    world.slack.fail('chat.postMessage', { kind: 'lost-answer' });
    const result = await world.declare({ title: 'Double post', severity: 'SEV3' });
    expect(stepOf(result, 'slack.headline')).toMatchObject({ status: 'done', attempts: 2 });
    const channel = world.slack.channelByName(result.name);
    // The retry looked in the channel's history for the headline's block id and found the first post.
    expect(world.slack.calls.filter((c) => c.operation === 'conversations.history')).toHaveLength(1);
    expect(world.slack.messagesIn(channel?.id ?? '')).toHaveLength(1);
    expect(channel?.pins).toHaveLength(1);
  });

  it('a PagerDuty incident created but whose answer was lost is looked up by its key, not paged twice', async () => {
    world = await startDeclareWorld();
    world.pagerduty.fail('POST /incidents', { kind: 'lost-answer' });
    const result = await world.declare({ title: 'Lost page', severity: 'SEV1', service: 'checkout' });
    expect(stepOf(result, 'pagerduty')).toMatchObject({ status: 'done', attempts: 2, url: world.pagerduty.incidents[0]?.html_url });
    expect(world.pagerduty.incidents).toHaveLength(1);
  });

  it('a revoked Slack token: the step names Slack and what to fix, the page and the record still happen', async () => {
    world = await startDeclareWorld({ hub: true });
    world.slack.revokeToken();
    const result = await world.declare({ title: 'Token gone', severity: 'SEV1', service: 'checkout' });
    const channel = stepOf(result, 'slack.channel');
    expect(channel.status).toBe('failed');
    expect(channel.error).toMatch(/Slack refused the token \(token_revoked\): update the Slack token in Settings/);
    expect(channel.waitingForNetwork).toBe(false);
    expect(channel.manualFallback).toContain(`#${result.name}`);
    expect(stepOf(result, 'slack.headline')).toMatchObject({ status: 'failed', error: expect.stringMatching(/needs the Slack channel/) });
    expect(stepOf(result, 'pagerduty').status).toBe('done');
    expect(stepOf(result, 'hub').status).toBe('done');
    // Auth failures are not retried within the run: one refused call, no hammering.
    expect(world.slack.calls.filter((c) => c.operation === 'auth.test')).toHaveLength(1);
  });

  it('a revoked PagerDuty key says which key to update', async () => {
    world = await startDeclareWorld();
    world.pagerduty.revokeToken();
    const result = await world.declare({ title: 'No page', severity: 'SEV2', service: 'checkout' });
    expect(stepOf(result, 'pagerduty').error).toMatch(/PagerDuty refused the API key \(HTTP 401.*update the PagerDuty API key in Settings/);
  });

  it('garbage JSON from PagerDuty is a clear error, and a retry once it is sane again pages once', async () => {
    world = await startDeclareWorld();
    world.pagerduty.fail('POST /incidents', { kind: 'garbage' }, 4);
    const first = await world.declare({ title: 'Garbage', severity: 'SEV1', service: 'checkout' });
    expect(stepOf(first, 'pagerduty')).toMatchObject({ status: 'failed' });
    expect(stepOf(first, 'pagerduty').error).toMatch(/not JSON|not the PagerDuty API/);
    const retried = await world.core.runDeclare(first.id);
    expect(retried && stepOf(retried, 'pagerduty').status).toBe('done');
    expect(retried?.finished).toBe(true);
    expect(world.pagerduty.incidents).toHaveLength(1);
  });

  it('the hub is down at declare time: queued, says so, and completes once the hub is back', async () => {
    world = await startDeclareWorld({ hub: true });
    const hub = world.hub;
    if (!hub) throw new Error('no hub');
    const port = Number(new URL(hub.running.url).port);
    await hub.running.close();
    const first = await world.declare({ title: 'Hub away', severity: 'SEV2', service: 'checkout' });
    expect(stepOf(first, 'hub')).toMatchObject({ status: 'failed', waitingForNetwork: true });
    expect(stepOf(first, 'hub').error).toMatch(/could not reach the hub/);
    // Slack did not wait for the hub beyond its first answer.
    expect(stepOf(first, 'slack.channel').status).toBe('done');
    expect(world.core.snapshot().outbox).toMatchObject([{ id: first.id, steps: expect.arrayContaining([expect.objectContaining({ step: 'hub', waitingForNetwork: true })]) }]);

    const back = await startHubOn(hub.dbPath, port);
    try {
      const done = await world.core.runDeclare(first.id);
      expect(done?.finished).toBe(true);
      const { incident } = await (await world.core.incidentStore()).getIncident(first.id);
      expect(incident.links.slack).toBe(stepOf(first, 'slack.channel').url);
      expect(world.pagerduty.incidents).toHaveLength(1);
      expect(world.slack.channels.filter((c) => c.name.startsWith(first.name))).toHaveLength(1);
    } finally {
      await back.running.close();
    }
  });

  it.each([
    ['emoji only', '🔥🔥🔥', /^inc-\d{8}-sev3$/],
    ['right-to-left', 'שגיאה בתשלום', /^inc-\d{8}-sev3$/],
    ['CJK', '支付失败 checkout', /^inc-\d{8}-checkout$/],
    ['only punctuation', '!!! ??? ...', /^inc-\d{8}-sev3$/],
    ['accents', 'Café crème brûlée down', /^inc-\d{8}-cafe-creme-brulee-down$/],
    ['200 characters', 'a'.repeat(200), /^inc-\d{8}-a{60,}$/],
  ])('a title of %s gives a valid Slack channel', async (_case, title, name) => {
    world = await startDeclareWorld();
    const result = await world.declare({ title, severity: 'SEV3' });
    expect(result.name).toMatch(name);
    expect(result.name.length).toBeLessThanOrEqual(80);
    expect(stepOf(result, 'slack.channel').status).toBe('done');
    expect(world.slack.channelByName(result.name)).toBeDefined();
    const headline = world.slack.messagesIn(result.name)[0];
    expect(JSON.stringify(headline?.blocks)).toContain(JSON.stringify(title.slice(0, 20)).slice(1, -1));
  });

  it.each([
    ['empty', '', /title must not be empty/],
    ['blank', '   ', /title must not be empty/],
    ['10,000 characters', 'x'.repeat(10_000), /title must be at most 200 characters/],
  ])('a title that is %s is refused with a clear error and nothing is sent', async (_case, title, message) => {
    world = await startDeclareWorld();
    await expect(world.core.declare({ title, severity: 'SEV1' })).rejects.toThrow(message);
    await expect(world.core.declare({ title: 'ok', severity: 'SEV9' })).rejects.toThrow(/severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5/);
    expect(world.slack.calls.filter((c) => c.operation !== 'auth.test')).toEqual([]);
    expect(world.core.outbox()).toEqual([]);
  });
});

describe('the outbox in the app (background mode)', () => {
  it('a declare made while the hub is down finishes by itself once the hub is back, and the snapshot says so meanwhile', async () => {
    const world = await startDeclareWorld({ hub: true });
    try {
      const hub = world.hub;
      if (!hub) throw new Error('no hub');
      const port = Number(new URL(hub.running.url).port);
      await hub.running.close();
      const { createNodeCore } = await import('../../../src-main/core/create-node-core.js');
      const app = createNodeCore({ home: world.home, env: world.env, background: true, resumeTickMs: 50, resumeBaseMs: 100, httpTimeoutMs: 1_000, retryPolicy: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 1_000 } });
      await app.start();
      try {
        const started = await app.declare({ title: 'Offline declare', severity: 'SEV2', service: 'checkout' });
        await vi.waitFor(() => expect(app.snapshot().outbox[0]?.steps.find((s) => s.step === 'hub')).toMatchObject({ status: 'failed', waitingForNetwork: true }), { timeout: 10_000 });
        expect(app.snapshot().outbox[0]?.id).toBe(started.id);

        const back = await startHubOn(hub.dbPath, port);
        try {
          // Nobody presses anything: the outbox's own schedule finishes the declare.
          await vi.waitFor(() => expect(app.snapshot().outbox).toEqual([]), { timeout: 15_000, interval: 50 });
          await vi.waitFor(() => expect(app.snapshot().incidents.map((i) => i.id)).toContain(started.id), { timeout: 5_000 });
        } finally {
          await back.running.close();
        }
      } finally {
        await app.close();
      }
    } finally {
      await world.close();
    }
  });
});
