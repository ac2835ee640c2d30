// A fake Slack Web API for tests: a real HTTP server that checks every request against Slack's own
// spec (spec-validator.ts) and keeps enough state (channels, members, messages, pins) to answer the
// way Slack does for the methods an incident app uses. Drive it with the real @slack/web-api client:
//   new WebClient(token, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, timeout: 5000, rejectRateLimitedCalls: true })
//
// Decisions where Slack's behaviour has more to it than a test needs (written down so nobody relies
// on them by accident): no system messages (channel_join, channel_topic) are added to history; the
// bot may post to any public channel (chat:write.public) but needs membership to read history, set
// the topic/purpose, invite and pin; methods the spec has but the fake does not implement answer
// `{ ok: false, error: 'fake_not_implemented' }` and are recorded as violations so a test notices.
import { slackValidator, type SpecValidator } from './spec-validator.js';
import { FakeServer, type Answer, type FakeControls, type Handled, type IncomingCall } from './fake-http.js';

export { describeViolations, type Fault, type FakeControls, type RecordedCall } from './fake-http.js';

export const botUserId = 'U_BOT';
export const botId = 'B_BOT';
export const fakeTeamId = 'T_FAKE';

export interface SlackUser {
  id: string;
  email: string;
  name?: string;
}

export interface SlackMessage {
  ts: string;
  text: string;
  blocks?: SlackBlock[];
  user: string;
  channel: string;
  thread_ts?: string;
}

export type SlackBlock = Record<string, unknown> & { type: string; block_id: string };

export interface SlackChannel {
  id: string;
  name: string;
  creator: string;
  /** Unix seconds. */
  created: number;
  topic: string;
  purpose: string;
  is_private: boolean;
  members: string[];
  /** Oldest first. */
  messages: SlackMessage[];
  /** `ts` of pinned messages. */
  pins: string[];
  is_archived: boolean;
}

export interface SlackFakeOptions {
  token: string;
  latencyMs?: number;
  users?: SlackUser[];
  /** Default `https://fake-team.slack.com/`. */
  teamUrl?: string;
}

type Args = Record<string, string>;
type SlackResult = { ok: true; [key: string]: unknown } | { ok: false; error: string; [key: string]: unknown };

const CHANNEL_NAME = /^[a-z0-9_-]+$/;

export class SlackFake extends FakeServer implements FakeControls {
  readonly channels: SlackChannel[] = [];
  readonly users: SlackUser[];
  readonly teamUrl: string;
  private readonly token: string;
  private revoked = false;
  private lastMicros = 0;
  private channelSequence = 0;
  private blockSequence = 0;

  constructor(
    private readonly validator: SpecValidator,
    options: SlackFakeOptions,
  ) {
    super(options.latencyMs);
    this.token = options.token;
    this.users = [...(options.users ?? [])];
    this.teamUrl = options.teamUrl ?? 'https://fake-team.slack.com/';
  }

  /** Base URL for `slackApiUrl`; ends in `/api/`. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  revokeToken(): void {
    this.revoked = true;
  }

  channelByName(name: string): SlackChannel | undefined {
    return this.channels.find((channel) => channel.name === name.replace(/^#/, ''));
  }

  /** A channel someone else made (e.g. to provoke `name_taken`). The bot is not a member unless listed. */
  addChannel(input: { name: string; creator: string; members?: string[]; is_private?: boolean; topic?: string; purpose?: string }): SlackChannel {
    const channel = this.newChannel(input.name, input.creator, input.is_private ?? false);
    channel.members = [...(input.members ?? [input.creator])];
    channel.topic = input.topic ?? '';
    channel.purpose = input.purpose ?? '';
    return channel;
  }

  messagesIn(channelIdOrName: string): SlackMessage[] {
    const channel = this.channels.find((c) => c.id === channelIdOrName) ?? this.channelByName(channelIdOrName);
    if (!channel) throw new Error(`no channel ${channelIdOrName} in the Slack fake`);
    return channel.messages;
  }

  protected checkOperation(operation: string): void {
    if (!this.validator.hasOperation(operation)) throw new Error(`Slack has no method '${operation}'`);
  }

  protected faultAnswer(status: number): Answer {
    return { status, body: status === 429 ? { ok: false, error: 'ratelimited' } : { ok: false, error: 'internal_error' } };
  }

  protected handle(call: IncomingCall): Handled {
    const outcome = this.validator.validate(call);
    const operation = outcome.operation ?? 'unknown';
    const violations = outcome.violations;
    const implemented = outcome.operation !== undefined && Object.hasOwn(this.methods, outcome.operation);
    if (outcome.operation !== undefined && !implemented) violations.push(`${outcome.operation} is in the spec but not implemented by the Slack fake`);
    const args = outcome.args;
    const bearer = /^Bearer\s+(\S+)/i.exec(headerOf(call, 'authorization') ?? '')?.[1];
    const token = bearer ?? args.token;

    const respond = (): Answer => {
      const ok = (result: SlackResult): Answer => ({ status: 200, body: result });
      if (outcome.operation === undefined) return ok({ ok: false, error: 'unknown_method', req_method: call.path.split('/').pop() });
      if (!token) return ok({ ok: false, error: 'not_authed' });
      if (token !== this.token) return ok({ ok: false, error: 'invalid_auth' });
      if (this.revoked) return ok({ ok: false, error: 'token_revoked' });
      if (!implemented) return ok({ ok: false, error: 'fake_not_implemented' });
      if (violations.length > 0) return ok({ ok: false, error: 'invalid_arguments', response_metadata: { messages: violations.map((v) => `[ERROR] ${v}`) } });
      return ok(this.methods[outcome.operation]!(args));
    };
    return { operation, body: outcome.body, violations, respond };
  }

  // ---------------------------------------------------------------------------------------------
  // Methods

  private readonly methods: Record<string, (args: Args) => SlackResult> = {
    'auth.test': () => ({ ok: true, url: this.teamUrl, team: 'Fake Team', user: 'incident-bot', team_id: fakeTeamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false }),

    'users.lookupByEmail': (args) => {
      const user = this.users.find((u) => u.email.toLowerCase() === (args.email ?? '').toLowerCase());
      return user ? { ok: true, user: userObject(user) } : { ok: false, error: 'users_not_found' };
    },

    'conversations.create': (args) => {
      const name = args.name ?? '';
      if (name === '') return { ok: false, error: 'invalid_name_required' };
      if (name.length > 80) return { ok: false, error: 'invalid_name_maxlength' };
      if (!CHANNEL_NAME.test(name)) return { ok: false, error: 'invalid_name_specials' };
      if (this.channelByName(name)) return { ok: false, error: 'name_taken' };
      const channel = this.newChannel(name, botUserId, args.is_private === 'true' || args.is_private === '1');
      return { ok: true, channel: this.conversation(channel) };
    },

    'conversations.list': (args) => {
      const types = (args.types ?? 'public_channel').split(',').map((t) => t.trim());
      const visible = this.channels.filter(
        (c) => (c.is_private ? types.includes('private_channel') && c.members.includes(botUserId) : types.includes('public_channel')) && !(args.exclude_archived === 'true' && c.is_archived),
      );
      const page = paginate(visible, args);
      if (!page) return { ok: false, error: 'invalid_cursor' };
      return { ok: true, channels: page.items.map((c) => this.conversation(c)), response_metadata: { next_cursor: page.nextCursor } };
    },

    'conversations.info': (args) => {
      const channel = this.channelById(args.channel);
      return channel ? { ok: true, channel: this.conversation(channel) } : { ok: false, error: 'channel_not_found' };
    },

    'conversations.setTopic': (args) =>
      this.asMember(args.channel, (channel) => {
        if ((args.topic ?? '').length > 250) return { ok: false, error: 'too_long' };
        channel.topic = args.topic ?? '';
        return { ok: true, channel: this.conversation(channel) };
      }),

    'conversations.setPurpose': (args) =>
      this.asMember(args.channel, (channel) => {
        if ((args.purpose ?? '').length > 250) return { ok: false, error: 'too_long' };
        channel.purpose = args.purpose ?? '';
        return { ok: true, channel: this.conversation(channel) };
      }),

    'conversations.invite': (args) =>
      this.asMember(args.channel, (channel) => {
        const ids = (args.users ?? '').split(',').map((id) => id.trim()).filter(Boolean);
        if (ids.length === 0) return { ok: false, error: 'no_user' };
        if (ids.includes(botUserId)) return { ok: false, error: 'cant_invite_self' };
        if (ids.some((id) => !this.users.some((u) => u.id === id))) return { ok: false, error: 'user_not_found' };
        if (ids.some((id) => channel.members.includes(id))) return { ok: false, error: 'already_in_channel' };
        channel.members.push(...ids);
        return { ok: true, channel: this.conversation(channel) };
      }),

    'conversations.history': (args) =>
      this.asMember(args.channel, (channel) => {
        const inclusive = args.inclusive === 'true' || args.inclusive === '1';
        const oldest = args.oldest !== undefined ? micros(args.oldest) : undefined;
        const latest = args.latest !== undefined ? micros(args.latest) : undefined;
        if (oldest !== undefined && Number.isNaN(oldest)) return { ok: false, error: 'invalid_ts_oldest' };
        if (latest !== undefined && Number.isNaN(latest)) return { ok: false, error: 'invalid_ts_latest' };
        const inRange = channel.messages
          .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
          .filter((m) => {
            const at = micros(m.ts);
            const afterOldest = oldest === undefined || (inclusive ? at >= oldest : at > oldest);
            const beforeLatest = latest === undefined || (inclusive ? at <= latest : at < latest);
            return afterOldest && beforeLatest;
          })
          .reverse();
        const page = paginate(inRange, args);
        if (!page) return { ok: false, error: 'invalid_cursor' };
        return {
          ok: true,
          messages: page.items.map((m) => this.messageObject(m)),
          has_more: page.nextCursor !== '',
          pin_count: channel.pins.length,
          ...(page.nextCursor ? { response_metadata: { next_cursor: page.nextCursor } } : {}),
        };
      }, true),

    'chat.postMessage': (args) => {
      const channel = this.channelByIdOrName(args.channel);
      if (!channel || (channel.is_private && !channel.members.includes(botUserId))) return { ok: false, error: 'channel_not_found' };
      if (channel.is_archived) return { ok: false, error: 'is_archived' };
      const content = this.content(args);
      if ('error' in content) return { ok: false, error: content.error };
      if (args.thread_ts !== undefined && !channel.messages.some((m) => m.ts === args.thread_ts)) return { ok: false, error: 'thread_not_found' };
      const message: SlackMessage = { ts: this.nextTs(), text: content.text, user: botUserId, channel: channel.id };
      if (content.blocks) message.blocks = content.blocks;
      if (args.thread_ts !== undefined) message.thread_ts = args.thread_ts;
      channel.messages.push(message);
      return { ok: true, channel: channel.id, ts: message.ts, message: this.messageObject(message) };
    },

    'chat.update': (args) => {
      const channel = this.channelById(args.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const message = channel.messages.find((m) => m.ts === args.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      if (message.user !== botUserId) return { ok: false, error: 'cant_update_message' };
      const content = this.content(args);
      if ('error' in content) return { ok: false, error: content.error };
      message.text = content.text;
      if (content.blocks) message.blocks = content.blocks;
      return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: this.messageObject(message) };
    },

    'chat.getPermalink': (args) => {
      const channel = this.channelById(args.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!channel.messages.some((m) => m.ts === args.message_ts)) return { ok: false, error: 'message_not_found' };
      return { ok: true, channel: channel.id, permalink: `${this.teamUrl}archives/${channel.id}/p${(args.message_ts ?? '').replace('.', '')}` };
    },

    'pins.add': (args) =>
      this.asMember(args.channel, (channel) => {
        if (args.timestamp === undefined) return { ok: false, error: 'no_item_specified' };
        if (!channel.messages.some((m) => m.ts === args.timestamp)) return { ok: false, error: 'message_not_found' };
        if (channel.pins.includes(args.timestamp)) return { ok: false, error: 'already_pinned' };
        channel.pins.push(args.timestamp);
        return { ok: true };
      }),
  };

  // ---------------------------------------------------------------------------------------------

  private newChannel(name: string, creator: string, isPrivate: boolean): SlackChannel {
    this.channelSequence += 1;
    const channel: SlackChannel = {
      id: `C${String(this.channelSequence).padStart(8, '0')}`,
      name,
      creator,
      created: Math.floor(Date.now() / 1000),
      topic: '',
      purpose: '',
      is_private: isPrivate,
      members: [creator],
      messages: [],
      pins: [],
      is_archived: false,
    };
    this.channels.push(channel);
    return channel;
  }

  private channelById(id: string | undefined): SlackChannel | undefined {
    return this.channels.find((channel) => channel.id === id);
  }

  private channelByIdOrName(idOrName: string | undefined): SlackChannel | undefined {
    if (!idOrName) return undefined;
    return this.channelById(idOrName) ?? this.channelByName(idOrName);
  }

  /** Conversation methods take an ID and need the bot in the channel (history also reads archived ones). */
  private asMember(id: string | undefined, act: (channel: SlackChannel) => SlackResult, archivedOk = false): SlackResult {
    const channel = this.channelById(id);
    if (!channel || (channel.is_private && !channel.members.includes(botUserId))) return { ok: false, error: 'channel_not_found' };
    if (!channel.members.includes(botUserId)) return { ok: false, error: 'not_in_channel' };
    if (channel.is_archived && !archivedOk) return { ok: false, error: 'is_archived' };
    return act(channel);
  }

  private content(args: Args): { text: string; blocks?: SlackBlock[] } | { error: string } {
    let blocks: SlackBlock[] | undefined;
    if (args.blocks !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(args.blocks);
      } catch {
        return { error: 'invalid_blocks_format' };
      }
      if (!Array.isArray(parsed) || parsed.some((block) => typeof block !== 'object' || block === null || typeof (block as { type?: unknown }).type !== 'string')) return { error: 'invalid_blocks' };
      if (parsed.length > 50) return { error: 'invalid_blocks' };
      blocks = (parsed as Record<string, unknown>[]).map((block) => ({ ...block, block_id: typeof block.block_id === 'string' ? block.block_id : this.nextBlockId() }) as SlackBlock);
    }
    const text = args.text ?? '';
    if (text === '' && !blocks?.length && args.attachments === undefined) return { error: 'no_text' };
    if (text.length > 40_000) return { error: 'msg_too_long' };
    return blocks ? { text, blocks } : { text };
  }

  private nextTs(): string {
    this.lastMicros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    return `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }

  private nextBlockId(): string {
    this.blockSequence += 1;
    return `fk${this.blockSequence.toString(36)}`;
  }

  private conversation(channel: SlackChannel): Record<string, unknown> {
    return {
      id: channel.id,
      name: channel.name,
      name_normalized: channel.name,
      is_channel: !channel.is_private,
      is_group: false,
      is_im: false,
      is_mpim: false,
      is_private: channel.is_private,
      is_archived: channel.is_archived,
      is_general: false,
      is_shared: false,
      is_ext_shared: false,
      is_org_shared: false,
      is_pending_ext_shared: false,
      is_member: channel.members.includes(botUserId),
      created: channel.created,
      creator: channel.creator,
      unlinked: 0,
      context_team_id: fakeTeamId,
      topic: { value: channel.topic, creator: channel.topic ? channel.creator : '', last_set: 0 },
      purpose: { value: channel.purpose, creator: channel.purpose ? channel.creator : '', last_set: 0 },
      previous_names: [],
      num_members: channel.members.length,
    };
  }

  private messageObject(message: SlackMessage): Record<string, unknown> {
    const channel = this.channelById(message.channel);
    return {
      type: 'message',
      user: message.user,
      bot_id: message.user === botUserId ? botId : undefined,
      text: message.text,
      ts: message.ts,
      team: fakeTeamId,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      ...(channel?.pins.includes(message.ts) ? { pinned_to: [channel.id] } : {}),
    };
  }
}

function userObject(user: SlackUser): Record<string, unknown> {
  const name = user.name ?? user.email.split('@')[0]!;
  return {
    id: user.id,
    team_id: fakeTeamId,
    name,
    real_name: name,
    deleted: false,
    is_bot: false,
    is_admin: false,
    tz: 'Europe/London',
    profile: { email: user.email, real_name: name, display_name: name, team: fakeTeamId },
  };
}

function headerOf(call: IncomingCall, name: string): string | undefined {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `1700000000.000100` → microseconds (NaN when malformed). */
function micros(ts: string): number {
  if (!/^\d+(\.\d{1,6})?$/.test(ts)) return Number.NaN;
  const [seconds, fraction = ''] = ts.split('.');
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, '0'));
}

/** Slack cursor pagination: `limit` (default 100, at most 1000) and an opaque `cursor`. */
function paginate<T>(items: T[], args: Args): { items: T[]; nextCursor: string } | undefined {
  const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 1000);
  let offset = 0;
  if (args.cursor) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(args.cursor, 'base64').toString('utf8'));
    if (!decoded) return undefined;
    offset = Number(decoded[1]);
  }
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { items: page, nextCursor: next };
}

export async function startSlackFake(options: SlackFakeOptions): Promise<SlackFake> {
  const fake = new SlackFake(await slackValidator(), options);
  await fake.listen();
  return fake;
}

