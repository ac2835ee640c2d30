// The declare flow end to end against the spec-validating Slack/PagerDuty fakes and a real hub:
// what a declarer gets (channel, headline, digest, page, record), and that every request the app
// sent is one the real services would accept.
import { afterEach, describe, expect, it } from 'vitest';
import { describeViolations } from '../../fakes/fake-http.js';
import { DECLARER, ROUTING_KEY, startDeclareWorld, stepOf, type DeclareWorld } from '../../support/declare-world.js';

describe('declare, end to end', () => {
  let world: DeclareWorld;
  afterEach(async () => {
    const violations = world ? [...describeViolations(world.slack.calls), ...describeViolations(world.pagerduty.calls)] : [];
    await world?.close();
    expect(violations, 'every request must validate against the vendor specs').toEqual([]);
  });

  it('SEV1 on a service: war room with topic and pinned headline, digest notice, PagerDuty page, hub record with links', async () => {
    world = await startDeclareWorld({ hub: true });
    const result = await world.declare({ title: 'Checkout 5xx', severity: 'SEV1', service: 'checkout', description: 'Payments fail <@here> & retry' });
    expect(result.finished).toBe(true);
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['slack.channel', 'done'],
      ['slack.headline', 'done'],
      ['slack.digest', 'done'],
      ['pagerduty', 'done'],
      ['hub', 'done'],
    ]);

    const channel = world.slack.channelByName(result.name);
    expect(channel).toBeDefined();
    expect(world.slack.channels.filter((c) => c.name.startsWith(result.name))).toHaveLength(1);
    expect(channel?.topic).toContain('SEV1 · Checkout 5xx');
    expect(channel?.purpose).toContain(result.id);
    expect(channel?.members).toContain('U_ANA');
    expect(stepOf(result, 'slack.channel').url).toBe(`${world.slack.teamUrl}archives/${channel?.id}`);

    const [headline, ...others] = world.slack.messagesIn(channel?.id ?? '');
    expect(others).toEqual([]);
    expect(channel?.pins).toEqual([headline?.ts]);
    const headlineText = JSON.stringify(headline?.blocks);
    expect(headlineText).toContain('Checkout 5xx');
    expect(headlineText).toContain('checkout');
    expect(headlineText).toContain(DECLARER);
    // User text cannot ping the channel: Slack's mrkdwn escapes.
    expect(headlineText).toContain('&lt;@here&gt; &amp; retry');
    // The headline was posted before PagerDuty answered or after; either way it ends with the link.
    const [incident, ...morePages] = world.pagerduty.incidents;
    expect(morePages).toEqual([]);
    expect(headlineText).toContain(incident?.html_url);

    const digest = world.slack.messagesIn('incidents');
    expect(digest).toHaveLength(1);
    expect(JSON.stringify(digest[0]?.blocks)).toContain(`<#${channel?.id}>`);

    expect(incident).toMatchObject({ incident_key: result.id, urgency: 'high', service: { id: 'PCHKOUT' } });
    expect(incident?.title).toContain(result.name);
    expect(stepOf(result, 'pagerduty').url).toBe(incident?.html_url);
    const postIncident = world.pagerduty.calls.find((c) => c.operation === 'POST /incidents');
    expect(postIncident?.headers.from).toBe(DECLARER);

    const store = await world.core.incidentStore();
    const { incident: record } = await store.getIncident(result.id);
    expect(record).toMatchObject({ name: result.name, severity: 'SEV1', service: 'checkout', commander: DECLARER, links: { slack: stepOf(result, 'slack.channel').url, pagerduty: incident?.html_url } });
    expect(world.core.snapshot().incidents.map((i) => i.id)).toEqual([result.id]);
    expect(world.core.outbox()).toEqual([]);
  });

  it('SEV3 goes to Slack only (severity routing); the local store records it when no hub is set', async () => {
    world = await startDeclareWorld();
    const result = await world.declare({ title: 'Search is slow', severity: 'SEV3', service: 'search' });
    expect(stepOf(result, 'pagerduty').status).toBe('skipped');
    expect(stepOf(result, 'hub').status).toBe('done');
    expect(world.pagerduty.calls.filter((c) => c.operation === 'POST /incidents')).toEqual([]);
    expect(world.core.snapshot()).toMatchObject({ store: 'local', incidents: [{ id: result.id, name: result.name }] });
  });

  it('pages through Events v2 with the declare id as dedup_key when only a routing key is set', async () => {
    world = await startDeclareWorld();
    const core = await world.openCore({ PAGERDUTY_TOKEN: '', PAGERDUTY_ROUTING_KEY: ROUTING_KEY });
    const started = await core.declare({ title: 'Login loops', severity: 'SEV2', service: 'checkout' });
    const result = await core.runDeclare(started.id);
    expect(result && stepOf(result, 'pagerduty').status).toBe('done');
    expect(world.pagerduty.alerts.get(started.id)).toBeDefined();
    expect(world.pagerduty.events.at(-1)).toMatchObject({ body: { routing_key: ROUTING_KEY, event_action: 'trigger', dedup_key: started.id, payload: { severity: 'error' } } });
  });

  it('an unknown service fails the page with what to do, and the rest still happens', async () => {
    world = await startDeclareWorld();
    const result = await world.declare({ title: 'Cart empty', severity: 'SEV1', service: 'carts' });
    const page = stepOf(result, 'pagerduty');
    expect(page).toMatchObject({ status: 'failed', waitingForNetwork: false });
    expect(page.error).toMatch(/no PagerDuty service matches "carts"/);
    expect(page.manualFallback).toMatch(/Page the on-call of carts in PagerDuty/);
    expect(stepOf(result, 'slack.headline').status).toBe('done');
    expect(result.finished).toBe(false);
    expect(world.core.outbox().map((d) => d.id)).toEqual([result.id]);
  });

  it('a channel name taken by someone else gets a suffix; the incident keeps its name', async () => {
    world = await startDeclareWorld();
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const taken = world.slack.addChannel({ name: `inc-${today}-db-down`, creator: 'U_SOMEONE' });
    const result = await world.declare({ title: 'DB down', severity: 'SEV3' });
    expect(result.name).toBe(taken.name);
    expect(stepOf(result, 'slack.channel').status).toBe('done');
    const ours = world.slack.channelByName(`${taken.name}-2`);
    expect(ours?.purpose).toContain(result.id);
    expect(taken.messages).toEqual([]);
    expect(world.slack.messagesIn(ours?.id ?? '')).toHaveLength(1);
  });
});
