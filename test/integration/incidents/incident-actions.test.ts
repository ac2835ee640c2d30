// Running an incident through the bridge's handlers against the spec-validating Slack and PagerDuty
// fakes and a real hub: post an update, resolve, edit with a stale version, and bad input.
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandHandlers, dispatchCommand } from '../../../src-main/core/command-handlers.js';
import type { CommandHandlers } from '../../../src-shared/bridge.js';
import type { ActionResult } from '../../../src-shared/incident-actions.js';
import type { Result } from '../../../src-shared/result.js';
import { describeViolations } from '../../fakes/fake-http.js';
import { DECLARER, ROUTING_KEY, startDeclareWorld, type DeclareWorld } from '../../support/declare-world.js';

const noShell = { openExternal: async () => undefined, showWindow: async () => undefined };
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};
const stepStatuses = (result: ActionResult) => Object.fromEntries(result.steps.map((s) => [s.step, s.status]));

describe('running an incident', () => {
  let world: DeclareWorld;
  let handlers: CommandHandlers;
  afterEach(async () => {
    const violations = world ? [...describeViolations(world.slack.calls), ...describeViolations(world.pagerduty.calls)] : [];
    await world?.close();
    expect(violations, 'every request must validate against the vendor specs').toEqual([]);
  });

  async function declared(options: Parameters<typeof startDeclareWorld>[0] = { hub: true }, request: object = { title: 'Checkout 5xx', severity: 'SEV1', service: 'checkout' }) {
    world = await startDeclareWorld(options);
    handlers = createCommandHandlers(world.core, noShell);
    const progress = await world.declare(request);
    expect(progress.finished).toBe(true);
    return progress;
  }

  it('a status update goes to the hub (resetting the cadence), the war room and the digest', async () => {
    const { id, name } = await declared();
    const before = value(await handlers['incident.get']({ id }));
    // The declare wrote the record, then its links.
    expect(before.timeline.map((e) => e.kind)).toEqual(['declared', 'edited']);
    const dueBefore = world.core.snapshot().tracking.find((t) => t.incidentId === id)?.nextUpdateDueAt;

    const result = value(await handlers['incident.postUpdate']({ id, message: 'Rolled back the deploy; 5xx <@here> dropping', status: 'monitoring' }));
    expect(stepStatuses(result)).toEqual({ hub: 'done', 'slack.channel': 'done', 'slack.digest': 'done' });
    expect(result.incident.status).toBe('monitoring');
    expect(result.incident.lastUpdateAt).toBeDefined();

    const channel = world.slack.channelByName(name);
    const posted = world.slack.messagesIn(channel?.id ?? '').at(-1);
    expect(JSON.stringify(posted?.blocks)).toContain('Rolled back the deploy; 5xx &lt;@here&gt; dropping');
    const digest = world.slack.messagesIn('incidents').at(-1);
    expect(digest?.text).toContain(`${name} update`);
    expect(JSON.stringify(digest?.blocks)).toContain(`<#${channel?.id}>`);

    const after = value(await handlers['incident.get']({ id }));
    expect(after.timeline.slice(before.timeline.length).map((e) => e.kind)).toEqual(['update_posted', 'status_changed']);
    const tracking = world.core.snapshot().tracking.find((t) => t.incidentId === id);
    expect(tracking?.nextUpdateDueAt).toBe(new Date(Date.parse(result.incident.lastUpdateAt ?? '') + 30 * 60_000).toISOString());
    expect(tracking?.nextUpdateDueAt).not.toBe(dueBefore);
  });

  it('resolve: hub resolved, the PagerDuty incident the declare opened resolved, war room and digest told', async () => {
    const { id, name } = await declared();
    const page = world.pagerduty.incidents.find((i) => i.incident_key === id);
    expect(page?.status).toBe('triggered');

    const result = value(await handlers['incident.resolve']({ id, message: 'Fixed by the rollback.' }));
    expect(stepStatuses(result)).toEqual({ hub: 'done', pagerduty: 'done', 'slack.channel': 'done', 'slack.digest': 'done' });
    expect(result.incident.status).toBe('resolved');
    expect(world.pagerduty.incidents.find((i) => i.incident_key === id)?.status).toBe('resolved');
    const channel = world.slack.channelByName(name);
    expect(JSON.stringify(world.slack.messagesIn(channel?.id ?? '').at(-1)?.blocks)).toContain('Resolved: Checkout 5xx');
    expect(world.slack.messagesIn('incidents').at(-1)?.text).toContain(`${name} resolved`);
    // Gone from the open list and from the tracking at once (no wait for a poll).
    expect(world.core.snapshot().incidents.map((i) => i.id)).not.toContain(id);
    expect(world.core.snapshot().tracking.map((t) => t.incidentId)).not.toContain(id);

    // Resolving again does not touch a PagerDuty incident that is already resolved.
    const puts = world.pagerduty.calls.filter((c) => c.operation === 'PUT /incidents/{id}').length;
    const again = value(await handlers['incident.resolve']({ id }));
    expect(stepStatuses(again).pagerduty).toBe('done');
    expect(world.pagerduty.calls.filter((c) => c.operation === 'PUT /incidents/{id}').length).toBe(puts);
  });

  it('resolve with only an Events routing key sends a resolve event with the declare id as dedup key', async () => {
    const { id } = await declared({ hub: true, env: { PAGERDUTY_TOKEN: '', PAGERDUTY_ROUTING_KEY: ROUTING_KEY } }, { title: 'Search slow', severity: 'SEV2' });
    expect(world.pagerduty.events.map((e) => e.event_action)).toEqual(['trigger']);
    const result = value(await handlers['incident.resolve']({ id }));
    expect(stepStatuses(result).pagerduty).toBe('done');
    expect(world.pagerduty.events.map((e) => [e.event_action, e.dedup_key])).toEqual([['trigger', id], ['resolve', id]]);
    expect(world.pagerduty.alerts.get(id)?.status).toBe('resolved');
  });

  it('a stale edit is a conflict naming what changed; nothing is overwritten; re-applying on the new version saves', async () => {
    const { id } = await declared();
    const opened = value(await handlers['incident.get']({ id }));
    // A teammate raises the severity and takes command meanwhile, through the hub.
    const store = await world.core.incidentStore();
    await store.patchIncident(id, { severity: 'SEV2', commander: 'grace@example.com' }, { ifMatch: opened.etag });

    const stale = value(await handlers['incident.edit']({ id, etag: opened.etag, patch: { title: 'Checkout 5xx in EU', status: 'identified' } }));
    if (stale.outcome !== 'conflict') throw new Error('expected a conflict');
    expect(stale.changed.sort()).toEqual(['commander', 'severity']);
    expect(stale.current.incident).toMatchObject({ severity: 'SEV2', commander: 'grace@example.com', title: 'Checkout 5xx', status: 'investigating' });
    expect((await store.getIncident(id)).incident.title).toBe('Checkout 5xx');

    const saved = value(await handlers['incident.edit']({ id, etag: stale.current.etag, patch: { title: 'Checkout 5xx in EU', status: 'identified' } }));
    if (saved.outcome !== 'saved') throw new Error('expected saved');
    expect(saved.detail.incident).toMatchObject({ title: 'Checkout 5xx in EU', status: 'identified', severity: 'SEV2', commander: 'grace@example.com' });
    expect(saved.detail.timeline.map((e) => e.kind)).toContain('status_changed');
    expect(world.core.snapshot().incidents.find((i) => i.id === id)?.title).toBe('Checkout 5xx in EU');
  });

  it('Slack failing after the hub took the update: the update counts, the step says what to post by hand', async () => {
    const { id, name } = await declared();
    world.slack.fail('chat.postMessage', { kind: 'status', status: 503 }, 20);
    const result = value(await handlers['incident.postUpdate']({ id, message: 'Still investigating' }));
    expect(stepStatuses(result)).toEqual({ hub: 'done', 'slack.channel': 'failed', 'slack.digest': 'failed' });
    expect(result.steps.find((s) => s.step === 'slack.channel')?.error).toContain(`post it by hand in #${name}`);
    expect(value(await handlers['incident.get']({ id })).timeline.at(-1)).toMatchObject({ kind: 'update_posted', message: 'Still investigating', actor: DECLARER });
  });

  it('an update whose answer was lost on the way is not posted twice when retried', async () => {
    const { id, name } = await declared();
    const channel = world.slack.channelByName(name);
    const before = world.slack.messagesIn(channel?.id ?? '').length;
    const digestBefore = world.slack.messagesIn('incidents').length;
    // Slack posts both messages, and both answers are lost: the retries find them instead.
    world.slack.fail('chat.postMessage', { kind: 'lost-answer' }, 2);
    const result = value(await handlers['incident.postUpdate']({ id, message: 'Failover done' }));
    expect(stepStatuses(result)).toEqual({ hub: 'done', 'slack.channel': 'done', 'slack.digest': 'done' });
    expect(world.slack.messagesIn(channel?.id ?? '').length).toBe(before + 1);
    expect(world.slack.messagesIn('incidents').length).toBe(digestBefore + 1);
    expect(world.slack.calls.filter((c) => c.operation === 'conversations.history').length).toBeGreaterThanOrEqual(2);
  });

  it('bad input gets a clear error and changes nothing', async () => {
    const { id } = await declared({ hub: true }, { title: 'Checkout 5xx', severity: 'SEV3' });
    const send = (command: Parameters<typeof dispatchCommand>[1], payload: unknown) => dispatchCommand(handlers, command, payload);

    expect(await send('incident.postUpdate', { id, message: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('the update must not be empty') } });
    expect(await send('incident.postUpdate', { id, message: 'x'.repeat(50_000) })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('at most 10,000 characters') } });
    expect(await send('incident.postUpdate', { id, message: 'ok', status: 'resolved' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const { etag, timeline } = value(await handlers['incident.get']({ id }));
    expect(await send('incident.edit', { id, etag, patch: { severity: 'SEV9' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5') } });
    expect(await send('incident.edit', { id, etag, patch: { links: { slack: 'https://x.slack.com/archives/C1' } } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await send('incident.edit', { id, etag, patch: { status: 'resolved' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('resolve with Resolve') } });
    expect(await send('incident.edit', { id, etag, patch: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('change at least one field') } });
    expect(await send('incident.get', { id: 'no-such-incident' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send('incident.pin', { id: 'no-such-incident' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const detail = value(await handlers['incident.get']({ id }));
    expect(detail.timeline).toEqual(timeline);
    expect(detail.etag).toBe(etag);
  });

  it('a hub that is down: a clear "could not be reached", nothing sent to Slack', async () => {
    const { id } = await declared();
    const posts = world.slack.calls.filter((c) => c.operation === 'chat.postMessage').length;
    await world.hub?.running.close();
    const answer = await handlers['incident.postUpdate']({ id, message: 'Update while the hub is down' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('could not be reached') } });
    expect(world.slack.calls.filter((c) => c.operation === 'chat.postMessage').length).toBe(posts);
  });

  it('pin and snooze show in the snapshot and survive a restart', async () => {
    const { id } = await declared({ hub: false }, { title: 'Search slow', severity: 'SEV2', service: 'search' });
    expect(world.core.snapshot().active).toEqual({ incidentId: id, pinned: false });
    value(await handlers['incident.pin']({ id }));
    value(await handlers['incident.snooze']({ id, minutes: 15 }));
    const restarted = await world.openCore();
    await restarted.refreshIncidents();
    expect(restarted.snapshot().active).toEqual({ incidentId: id, pinned: true });
    expect(restarted.snapshot().tracking.find((t) => t.incidentId === id)?.snoozedUntil).toBeDefined();
    restarted.snoozeIncident(id, 0);
    restarted.pinIncident(undefined);
    expect(restarted.snapshot().tracking.find((t) => t.incidentId === id)?.snoozedUntil).toBeUndefined();
    expect(restarted.snapshot().active).toEqual({ incidentId: id, pinned: false });
  });
});
