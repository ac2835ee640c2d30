// The war room (DESIGN.md §3): `conversations.create` with the incident's name. On `name_taken` the
// channel may be ours — an earlier try that created it and then crashed or timed out before saving
// its id — so we look before suffixing: ours carries this declare's id in its purpose, or, created
// just now by the same Slack user without anyone's marker, is the one our unfinished try made.
import { SLACK_CHANNEL_NAME_MAX } from '../../../../src-shared/incident-name.js';
import { StepError } from '../../retry/step-error.js';
import { channelPurpose, channelTopic } from '../../slack/declare-messages.js';
import { slackLink, type SlackChannel, type SlackGateway } from '../../slack/slack-gateway.js';
import { runStep, type StepContext } from '../step-context.js';

const SUFFIXES_MAX = 20;
/** Clock skew we allow between this machine and Slack when judging "created just now". */
const CREATED_SKEW_SECONDS = 120;

export function requireSlack(ctx: StepContext): SlackGateway {
  const slack = ctx.vendors.slack;
  if (!slack) throw new StepError('auth', 'Slack is no longer configured: set a Slack token in Settings, then retry');
  return slack;
}

function isOurs(ctx: StepContext, channel: SlackChannel, myUserId: string): boolean {
  if (channel.purpose?.includes(ctx.declare.id)) return true;
  if (channel.purpose?.includes('(incident-tray ')) return false;
  const declaredAt = Date.parse(ctx.declare.createdAt) / 1000;
  return channel.creator === myUserId && (channel.created ?? 0) >= declaredAt - CREATED_SKEW_SECONDS;
}

/** The war room's link once the channel exists (before the step has finished its topic and invite). */
export function channelUrl(ctx: StepContext): string | undefined {
  const url = ctx.outbox.step(ctx.declare.id, 'slack.channel')?.state.url;
  return typeof url === 'string' ? url : undefined;
}

const withSuffix = (base: string, n: number) => `${base.slice(0, SLACK_CHANNEL_NAME_MAX - String(n).length - 1).replace(/-+$/, '')}-${n}`;

/**
 * `onChannel` hears the channel id as soon as the channel exists: the headline and the digest post
 * start then, while purpose, topic and the invite are still on their way.
 */
export function runSlackChannelStep(ctx: StepContext, onChannel: (channelId: string) => void) {
  return runStep(ctx, 'slack.channel', async (state, save) => {
    const slack = requireSlack(ctx);
    const me = await slack.identity();
    let channelId = typeof state.channelId === 'string' ? state.channelId : undefined;
    if (!channelId) {
      const base = ctx.outbox.declare(ctx.declare.id)?.name ?? ctx.declare.name;
      let candidate = typeof state.channelName === 'string' ? state.channelName : base;
      for (let n = 2; !channelId; n++) {
        if (n > SUFFIXES_MAX + 2) throw new StepError('rejected', `Slack channels ${base} to ${candidate} are all taken by others: create one by hand`);
        save({ channelName: candidate });
        const created = await slack.createChannel(candidate);
        if (created.kind === 'created') {
          channelId = created.channel.id;
        } else {
          const existing = await slack.findChannelByName(candidate);
          if (existing && isOurs(ctx, existing, me.userId)) channelId = existing.id;
          else candidate = withSuffix(base, n);
        }
      }
      save({ channelId, channelName: candidate });
    }
    const channel = channelId;
    save({ url: slackLink(me.teamUrl, channel) });
    onChannel(channel);
    await Promise.all([
      state.purposeSet === true ? undefined : slack.setPurpose(channel, channelPurpose(ctx.facts)).then(() => save({ purposeSet: true })),
      state.topicSet === true ? undefined : slack.setTopic(channel, channelTopic(ctx.facts)).then(() => save({ topicSet: true })),
      state.invited !== undefined ? undefined : inviteDeclarer(ctx, slack, channel).then((invited) => save({ invited })),
    ]);
    return { url: slackLink(me.teamUrl, channel) };
  });
}

/** Invites the declarer found by their email; says so when they have no Slack account by that email. */
async function inviteDeclarer(ctx: StepContext, slack: SlackGateway, channel: string): Promise<string> {
  if (!ctx.declarerEmail) return 'no-email';
  const user = await slack.userIdByEmail(ctx.declarerEmail);
  if (!user) return 'not-found';
  await slack.invite(channel, user);
  return user;
}
