// The Slack Web API calls a declare makes, over @slack/web-api. The client's own retries (10 over
// 30 minutes by default) are off and every call has a deadline: the declare's retry policy and the
// outbox own retrying (DESIGN.md §6). Errors come out as StepErrors.
import type { Block, KnownBlock, WebClient } from '@slack/web-api';
import { StepError } from '../retry/step-error.js';
import { slackStepError } from './slack-errors.js';

export interface SlackGatewayOptions {
  token: string;
  /** Must end in `/api/`. */
  apiUrl: string;
  timeoutMs: number;
}

export interface SlackChannel {
  id: string;
  name: string;
  creator?: string;
  /** Unix seconds. */
  created?: number;
  purpose?: string;
}

export interface SlackMessageContent {
  text: string;
  blocks: (KnownBlock | Block)[];
}

export interface SlackIdentity {
  /** Who the token acts as: a bot user or a person. */
  userId: string;
  /** `https://team.slack.com/`: channel and message links are built from it. */
  teamUrl: string;
}

export type CreateChannelOutcome = { kind: 'created'; channel: SlackChannel } | { kind: 'name_taken' };

const OK_ANYWAY = new Set(['already_in_channel', 'cant_invite_self', 'already_pinned']);

export class SlackGateway {
  private clientPromise: Promise<WebClient> | undefined;
  private identityPromise: Promise<SlackIdentity> | undefined;

  constructor(private readonly options: SlackGatewayOptions) {}

  /**
   * The Web API client, loaded on first use: @slack/web-api (with axios) is ~16 MB of RSS that a core
   * which never talks to Slack (a CLI `list`, a watcher without a Slack token) should not carry.
   */
  private client(): Promise<WebClient> {
    this.clientPromise ??= import('@slack/web-api').then(
      ({ WebClient, LogLevel }) =>
        new WebClient(this.options.token, {
          slackApiUrl: this.options.apiUrl,
          retryConfig: { retries: 0 },
          timeout: this.options.timeoutMs,
          rejectRateLimitedCalls: true,
          logLevel: LogLevel.ERROR,
        }),
    );
    return this.clientPromise;
  }

  private async call<T>(method: string, run: (client: WebClient) => Promise<T>, tolerated: ReadonlySet<string> = new Set()): Promise<T | undefined> {
    try {
      return await run(await this.client());
    } catch (error) {
      const classified = slackStepError(method, error);
      if (classified.vendorCode && tolerated.has(classified.vendorCode)) return undefined;
      throw classified;
    }
  }

  /** auth.test, asked once per gateway (the answer does not change while the token stays). */
  identity(): Promise<SlackIdentity> {
    this.identityPromise ??= this.call('auth.test', (client) => client.auth.test()).then((answer) => {
      if (!answer?.user_id || !answer.url) throw slackStepError('auth.test', new Error('auth.test did not say who the token is'));
      return { userId: answer.user_id, teamUrl: answer.url.endsWith('/') ? answer.url : `${answer.url}/` };
    });
    // A network failure is not kept (the next step asks again); a refused token is, until the token
    // changes (which makes a new gateway): asking again would only be refused again.
    this.identityPromise.catch((error: unknown) => {
      if (!(error instanceof StepError) || error.transient) this.identityPromise = undefined;
    });
    return this.identityPromise;
  }

  private readonly usersByEmail = new Map<string, Promise<string | undefined>>();

  /** Asked once per email while the gateway lives (a declare warms it up before the channel exists). */
  userIdByEmail(email: string): Promise<string | undefined> {
    const known = this.usersByEmail.get(email);
    if (known) return known;
    const asked = this.call('users.lookupByEmail', (client) => client.users.lookupByEmail({ email }), new Set(['users_not_found'])).then((answer) => answer?.user?.id);
    this.usersByEmail.set(email, asked);
    asked.catch(() => this.usersByEmail.delete(email));
    return asked;
  }

  async createChannel(name: string): Promise<CreateChannelOutcome> {
    const answer = await this.call('conversations.create', (client) => client.conversations.create({ name, is_private: false }), new Set(['name_taken']));
    if (!answer) return { kind: 'name_taken' };
    const channel = answer.channel;
    if (!channel?.id || !channel.name) throw slackStepError('conversations.create', new Error('no channel in the answer'));
    return { kind: 'created', channel: { id: channel.id, name: channel.name, creator: channel.creator, created: channel.created } };
  }

  /** Slack has no lookup by name: page through the channels (public and private the token sees). */
  async findChannelByName(name: string): Promise<SlackChannel | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const answer = await this.call('conversations.list', (client) =>
        client.conversations.list({ limit: 1000, exclude_archived: false, types: 'public_channel,private_channel', ...(cursor ? { cursor } : {}) }),
      );
      const found = answer?.channels?.find((c) => c.name === name);
      if (found?.id) return { id: found.id, name, creator: found.creator, created: found.created, purpose: found.purpose?.value };
      cursor = answer?.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }

  async setPurpose(channel: string, purpose: string): Promise<void> {
    await this.call('conversations.setPurpose', (client) => client.conversations.setPurpose({ channel, purpose }));
  }

  async setTopic(channel: string, topic: string): Promise<void> {
    await this.call('conversations.setTopic', (client) => client.conversations.setTopic({ channel, topic }));
  }

  /** Inviting someone already there (or the token's own user) counts as done. */
  async invite(channel: string, user: string): Promise<void> {
    await this.call('conversations.invite', (client) => client.conversations.invite({ channel, users: user }), OK_ANYWAY);
  }

  async postMessage(channel: string, content: SlackMessageContent): Promise<{ channel: string; ts: string }> {
    const answer = await this.call('chat.postMessage', (client) =>
      client.chat.postMessage({ channel, text: content.text, blocks: content.blocks, unfurl_links: false }),
    );
    if (!answer?.ts || !answer.channel) throw slackStepError('chat.postMessage', new Error('no ts in the answer'));
    return { channel: answer.channel, ts: answer.ts };
  }

  async updateMessage(channel: string, ts: string, content: SlackMessageContent): Promise<void> {
    await this.call('chat.update', (client) => client.chat.update({ channel, ts, text: content.text, blocks: content.blocks }));
  }

  async pin(channel: string, ts: string): Promise<void> {
    await this.call('pins.add', (client) => client.pins.add({ channel, timestamp: ts }), OK_ANYWAY);
  }

  /**
   * A message of ours found by the block_id we gave it: chat.postMessage has no idempotency key, so
   * before posting again after an unclear failure (timeout, crash) we look whether the first one landed.
   */
  async findMessageByBlockId(channel: string, blockId: string, oldestUnixSeconds: number): Promise<{ channel: string; ts: string } | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      // A channel we may post in but not read (a bot outside the digest channel): nothing can be found.
      const answer = await this.call(
        'conversations.history',
        (client) => client.conversations.history({ channel, oldest: String(oldestUnixSeconds), limit: 200, inclusive: true, ...(cursor ? { cursor } : {}) }),
        new Set(['not_in_channel', 'channel_not_found']),
      );
      if (!answer) return undefined;
      const found = answer?.messages?.find((m) => m.blocks?.some((b) => b.block_id === blockId));
      if (found?.ts) return { channel, ts: found.ts };
      cursor = answer?.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }
}

/** `https://team.slack.com/archives/C123` and, with a ts, the message's permalink. */
export function slackLink(teamUrl: string, channelId: string, ts?: string): string {
  const base = `${teamUrl}archives/${channelId}`;
  return ts ? `${base}/p${ts.replace('.', '')}` : base;
}
