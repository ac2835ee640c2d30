// The Slack fake, driven by the real @slack/web-api client: what the client sends validates against
// Slack's spec, a wrong request is a recorded violation answered as Slack answers bad input, faults
// can be injected, and the state behaves like Slack's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPICallError, type WebAPIPlatformError, type WebAPIRateLimitedError, type WebAPIHTTPError } from '@slack/web-api';
import { botUserId, describeViolations, startSlackFake, type SlackFake } from '../../fakes/slack-fake.js';

const token = 'xoxb-fake-token';
const users = [
  { id: 'U_ALICE', email: 'alice@example.com', name: 'alice' },
  { id: 'U_BOB', email: 'bob@example.com' },
];

let fake: SlackFake;
let slack: WebClient;

// The client logs the fake's [ERROR] messages and its own warnings; the tests assert on them instead.
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

const client = (options: { timeout?: number; token?: string } = {}) =>
  new WebClient(options.token ?? token, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, timeout: options.timeout ?? 5000, rejectRateLimitedCalls: true, logger: quiet });

/** The Slack error code of a rejected call (`invalid_auth`, `name_taken` …). */
async function slackError(call: Promise<unknown>): Promise<string> {
  const error = (await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  )) as WebAPIPlatformError;
  expect(error.code).toBe(ErrorCode.PlatformError);
  return error.data.error;
}

beforeEach(async () => {
  fake = await startSlackFake({ token, users });
  slack = client();
});

afterEach(async () => {
  await fake.close();
});

describe('Slack fake: requests of the real client validate against the spec', () => {
  it('declares a war room the way the app does, without a single violation', async () => {
    const identity = await slack.auth.test();
    expect(identity).toMatchObject({ ok: true, url: 'https://fake-team.slack.com/', user_id: botUserId });

    const { user } = await slack.users.lookupByEmail({ email: 'alice@example.com' });
    expect(user?.id).toBe('U_ALICE');

    const created = await slack.conversations.create({ name: 'inc-20261124-checkout-5xx', is_private: false });
    const channel = created.channel!.id!;
    expect(created.channel).toMatchObject({ name: 'inc-20261124-checkout-5xx', creator: botUserId, is_member: true });
    expect(typeof created.channel!.created).toBe('number');

    await slack.conversations.setTopic({ channel, topic: 'SEV1 · checkout 5xx · IC @alice' });
    await slack.conversations.setPurpose({ channel, purpose: 'War room' });
    await slack.conversations.invite({ channel, users: 'U_ALICE,U_BOB' });

    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'SEV1 checkout 5xx' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Commander:* <@U_ALICE>' }, block_id: 'facts' },
    ];
    const posted = await slack.chat.postMessage({ channel, text: 'SEV1 checkout 5xx', blocks, unfurl_links: false });
    expect(posted).toMatchObject({ ok: true, channel, message: { text: 'SEV1 checkout 5xx' } });
    const ts = posted.ts!;

    await slack.pins.add({ channel, timestamp: ts });
    await slack.chat.update({ channel, ts, text: 'SEV1 checkout 5xx (updated)', blocks });
    const link = await slack.chat.getPermalink({ channel, message_ts: ts });
    expect(link.permalink).toBe(`https://fake-team.slack.com/archives/${channel}/p${ts.replace('.', '')}`);

    const info = await slack.conversations.info({ channel });
    expect(info.channel).toMatchObject({ topic: { value: 'SEV1 · checkout 5xx · IC @alice' }, purpose: { value: 'War room' } });

    const history = await slack.conversations.history({ channel, oldest: String(Math.floor(Date.now() / 1000) - 60), limit: 200, inclusive: true });
    expect(history.messages).toHaveLength(1);
    expect(history.messages![0]).toMatchObject({ ts, text: 'SEV1 checkout 5xx (updated)' });
    const blockIds = history.messages![0]!.blocks!.map((block) => block.block_id);
    expect(blockIds[1]).toBe('facts');
    expect(blockIds[0]).toEqual(expect.any(String));

    const state = fake.channelByName('inc-20261124-checkout-5xx')!;
    expect(state.members).toEqual([botUserId, 'U_ALICE', 'U_BOB']);
    expect(state.pins).toEqual([ts]);
    expect(fake.messagesIn(channel)[0]!.blocks).toHaveLength(2);

    expect(describeViolations(fake.calls)).toEqual([]);
    expect(fake.calls.map((call) => call.operation)).toEqual([
      'auth.test',
      'users.lookupByEmail',
      'conversations.create',
      'conversations.setTopic',
      'conversations.setPurpose',
      'conversations.invite',
      'chat.postMessage',
      'pins.add',
      'chat.update',
      'chat.getPermalink',
      'conversations.info',
      'conversations.history',
    ]);
    // The client POSTs a form with JSON-stringified blocks and the token as a Bearer header.
    const post = fake.calls.find((call) => call.operation === 'chat.postMessage')!;
    expect(post.method).toBe('POST');
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse((post.body as { blocks: string }).blocks)).toEqual(blocks);
  });

  it('lists channels page by page with cursors, as the app reads them', async () => {
    for (const name of ['a-1', 'a-2', 'a-3', 'a-4', 'a-5']) await slack.conversations.create({ name });
    fake.addChannel({ name: 'secret', creator: 'U_ALICE', is_private: true });

    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await slack.conversations.list({ limit: 2, exclude_archived: false, types: 'public_channel,private_channel', ...(cursor ? { cursor } : {}) });
      names.push(...page.channels!.map((c) => c.name!));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5']); // a private channel the bot is not in is invisible
    expect(fake.violations()).toEqual([]);
  });

  it('pages history newest first and honours oldest', async () => {
    const { channel } = await slack.conversations.create({ name: 'history' });
    const stamps: string[] = [];
    for (const text of ['one', 'two', 'three']) stamps.push((await slack.chat.postMessage({ channel: channel!.id!, text })).ts!);

    const first = await slack.conversations.history({ channel: channel!.id!, limit: 2 });
    expect(first.messages!.map((m) => m.text)).toEqual(['three', 'two']);
    expect(first.has_more).toBe(true);
    const second = await slack.conversations.history({ channel: channel!.id!, limit: 2, cursor: first.response_metadata!.next_cursor! });
    expect(second.messages!.map((m) => m.text)).toEqual(['one']);

    const after = await slack.conversations.history({ channel: channel!.id!, oldest: stamps[0]! });
    expect(after.messages!.map((m) => m.text)).toEqual(['three', 'two']);
    const inclusive = await slack.conversations.history({ channel: channel!.id!, oldest: stamps[0]!, inclusive: true });
    expect(inclusive.messages!.map((m) => m.text)).toEqual(['three', 'two', 'one']);
    expect(fake.violations()).toEqual([]);
  });
});

describe('Slack fake: state and errors like Slack', () => {
  it('applies the channel name rules', async () => {
    expect(await slackError(slack.conversations.create({ name: 'Inc-Upper' }))).toBe('invalid_name_specials');
    expect(await slackError(slack.conversations.create({ name: 'inc with space' }))).toBe('invalid_name_specials');
    expect(await slackError(slack.conversations.create({ name: 'x'.repeat(81) }))).toBe('invalid_name_maxlength');
    expect(await slackError(slack.conversations.create({ name: '' }))).toBe('invalid_name_required');
    await slack.conversations.create({ name: 'x'.repeat(80) });
    expect(fake.violations()).toEqual([]);
  });

  it('answers name_taken for a channel someone else made, and tells whose it is', async () => {
    fake.addChannel({ name: 'inc-taken', creator: 'U_ALICE' });
    expect(await slackError(slack.conversations.create({ name: 'inc-taken' }))).toBe('name_taken');
    const { channels } = await slack.conversations.list({ limit: 1000 });
    expect(channels!.find((c) => c.name === 'inc-taken')).toMatchObject({ creator: 'U_ALICE', is_member: false });
    // Ours is found the same way after a crash between create and record.
    await slack.conversations.create({ name: 'inc-ours' });
    expect(await slackError(slack.conversations.create({ name: 'inc-ours' }))).toBe('name_taken');
    expect(fake.channelByName('inc-ours')!.creator).toBe(botUserId);
  });

  it('posts by id, #name or name; unknown channels are channel_not_found', async () => {
    const { channel } = await slack.conversations.create({ name: 'digest' });
    await slack.chat.postMessage({ channel: channel!.id!, text: 'by id' });
    await slack.chat.postMessage({ channel: '#digest', text: 'by #name' });
    await slack.chat.postMessage({ channel: 'digest', text: 'by name' });
    expect(fake.messagesIn('digest').map((m) => m.text)).toEqual(['by id', 'by #name', 'by name']);
    expect(await slackError(slack.chat.postMessage({ channel: '#nowhere', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(slack.chat.postMessage({ channel: channel!.id!, text: '' }))).toBe('no_text');
  });

  it('knows users, members and pins', async () => {
    expect(await slackError(slack.users.lookupByEmail({ email: 'nobody@example.com' }))).toBe('users_not_found');
    const { channel } = await slack.conversations.create({ name: 'room' });
    const id = channel!.id!;
    await slack.conversations.invite({ channel: id, users: 'U_ALICE' });
    expect(await slackError(slack.conversations.invite({ channel: id, users: 'U_ALICE' }))).toBe('already_in_channel');
    expect(await slackError(slack.conversations.invite({ channel: id, users: 'U_NOBODY' }))).toBe('user_not_found');
    expect(await slackError(slack.conversations.invite({ channel: id, users: botUserId }))).toBe('cant_invite_self');

    const { ts } = await slack.chat.postMessage({ channel: id, text: 'headline' });
    await slack.pins.add({ channel: id, timestamp: ts! });
    expect(await slackError(slack.pins.add({ channel: id, timestamp: ts! }))).toBe('already_pinned');
    expect(await slackError(slack.pins.add({ channel: id, timestamp: '1.000001' }))).toBe('message_not_found');
    expect(await slackError(slack.chat.update({ channel: id, ts: '1.000001', text: 'x' }))).toBe('message_not_found');

    const theirs = fake.addChannel({ name: 'theirs', creator: 'U_ALICE' });
    expect(await slackError(slack.conversations.history({ channel: theirs.id }))).toBe('not_in_channel');
    expect(await slackError(slack.conversations.info({ channel: 'C_MISSING' }))).toBe('channel_not_found');
    expect(fake.violations()).toEqual([]);
  });

  it('checks the token: invalid_auth, then token_revoked after revokeToken()', async () => {
    expect(await slackError(client({ token: 'xoxb-wrong' }).auth.test())).toBe('invalid_auth');
    await slack.auth.test();
    fake.revokeToken();
    expect(await slackError(slack.auth.test())).toBe('token_revoked');
    expect(fake.violations()).toEqual([]);
  });
});

describe('Slack fake: wrong requests are violations answered like Slack', () => {
  it('conversations.create without a name: invalid_arguments, recorded', async () => {
    const error = (await slack.conversations.create({} as never).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.data).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(error.data.response_metadata?.messages).toEqual(["[ERROR] args must have required property 'name'"]);
    expect(fake.violations()).toHaveLength(1);
    expect(fake.violations()[0]).toMatchObject({ operation: 'conversations.create', violations: ["args must have required property 'name'"] });
    expect(fake.channels).toEqual([]);
  });

  it('setTopic without topic, an undeclared argument and a wrongly typed one are violations', async () => {
    const { channel } = await slack.conversations.create({ name: 'room' });
    expect(await slackError(slack.conversations.setTopic({ channel: channel!.id! } as never))).toBe('invalid_arguments');
    expect(await slackError(slack.apiCall('chat.postMessage', { channel: channel!.id!, text: 'x', colour: 'red' }))).toBe('invalid_arguments');
    expect(await slackError(slack.conversations.history({ channel: channel!.id!, limit: 'many' as never }))).toBe('invalid_arguments');
    expect(describeViolations(fake.violations())).toEqual([
      "conversations.setTopic: args must have required property 'topic'",
      "chat.postMessage: args must NOT have additional properties: 'colour'",
      'conversations.history: args/limit must be integer',
    ]);
    expect(fake.messagesIn(channel!.id!)).toEqual([]);
  });

  it('a method Slack does not have is unknown_method and a violation', async () => {
    expect(await slackError(slack.apiCall('conversations.teleport', { channel: 'C1' }))).toBe('unknown_method');
    expect(fake.violations()[0]).toMatchObject({ operation: 'unknown', violations: ['unknown method /api/conversations.teleport'] });
  });

  it('JSON bodies: fine where the spec consumes JSON (with a Bearer token), a violation where it does not', async () => {
    const { channel } = await slack.conversations.create({ name: 'json' });
    const post = (method: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
      fetch(`${fake.url}${method}`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ ok: boolean; error?: string }>);

    expect(await post('chat.postMessage', { channel: channel!.id!, text: 'json', blocks: [{ type: 'divider' }], unfurl_links: false })).toMatchObject({ ok: true });
    expect(fake.messagesIn('json')[0]!.blocks).toEqual([{ type: 'divider', block_id: expect.any(String) }]);
    expect(await post('conversations.history', { channel: channel!.id! })).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(await post('chat.postMessage', { channel: channel!.id!, text: 'x', token }, {})).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(describeViolations(fake.violations())).toEqual([
      'conversations.history: conversations.history does not accept JSON bodies (spec consumes: application/x-www-form-urlencoded)',
      'chat.postMessage: a JSON body needs the token in Authorization: Bearer',
    ]);
  });

  it('a POST-only method called with GET is a violation; a GET method may be POSTed', async () => {
    const get = await fetch(`${fake.url}conversations.create?name=via-get`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ error?: string }>);
    expect(get.error).toBe('invalid_arguments');
    expect(fake.violations()[0]!.violations).toEqual(['conversations.create is not available as GET (the spec lists POST)']);
    const read = await fetch(`${fake.url}auth.test`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ ok: boolean }>);
    expect(read.ok).toBe(true);
    expect(fake.violations()).toHaveLength(1);
  });
});

describe('Slack fake: fault injection', () => {
  it('429 with Retry-After reaches the client as a rate-limit error; the call after it succeeds', async () => {
    fake.fail('conversations.create', { kind: 'status', status: 429, retryAfterSeconds: 7 });
    const error = (await slack.conversations.create({ name: 'limited' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(7);
    expect(fake.channels).toEqual([]); // a faulted call changes nothing
    await slack.conversations.create({ name: 'limited' });
    expect(fake.channels.map((c) => c.name)).toEqual(['limited']);
  });

  it('500 is an HTTP error, `times` counts the calls it applies to', async () => {
    fake.fail('chat.postMessage', { kind: 'status', status: 500 }, 2);
    const { channel } = await slack.conversations.create({ name: 'flaky' });
    for (let i = 0; i < 2; i++) {
      const error = (await slack.chat.postMessage({ channel: channel!.id!, text: 'x' }).catch((e: unknown) => e)) as WebAPIHTTPError;
      expect(error.code).toBe(ErrorCode.HTTPError);
      expect(error.statusCode).toBe(500);
    }
    await slack.chat.postMessage({ channel: channel!.id!, text: 'third time' });
    expect(fake.messagesIn('flaky').map((m) => m.text)).toEqual(['third time']);
    expect(fake.calls.filter((c) => c.operation === 'chat.postMessage')).toHaveLength(3);
  });

  it('a garbage body, a reset socket and a hung answer all reject the call', async () => {
    fake.fail('auth.test', { kind: 'garbage' });
    fake.fail('users.lookupByEmail', { kind: 'reset' });
    fake.fail('conversations.list', { kind: 'hang' });
    await expect(slack.auth.test()).rejects.toBeDefined();
    const reset = (await slack.users.lookupByEmail({ email: 'alice@example.com' }).catch((e: unknown) => e)) as WebAPICallError;
    expect(reset.code).toBe(ErrorCode.RequestError);
    const hung = (await client({ timeout: 200 }).conversations.list({}).catch((e: unknown) => e)) as WebAPICallError;
    expect(hung.code).toBe(ErrorCode.RequestError);
    expect(fake.calls.map((c) => c.operation)).toEqual(['auth.test', 'users.lookupByEmail', 'conversations.list']);
  });

  it('delay and latency only slow the answer down', async () => {
    fake.latencyMs = 20;
    fake.fail('auth.test', { kind: 'delay', ms: 30 });
    expect((await slack.auth.test()).ok).toBe(true);
    expect(fake.violations()).toEqual([]);
  });

  it('refuses to inject a fault into a method Slack does not have (typo guard)', () => {
    expect(() => fake.fail('conversation.create', { kind: 'hang' })).toThrow(/no method 'conversation.create'/);
  });
});
