// The headline in the war room (posted, then pinned) and the notice in the digest channel. Posting
// has no idempotency key in Slack, so before posting again after an unclear end (timeout, crash) a
// step looks in the channel's history for the block id it gave its message (headlineBlockId …).
import type { DeclareStepName } from '../../../../src-shared/domain.js';
import { digestBlockId, digestMessage, headlineBlockId, headlineMessage, type KnownLinks } from '../../slack/declare-messages.js';
import { slackLink, type SlackGateway, type SlackMessageContent } from '../../slack/slack-gateway.js';
import type { StepState } from '../outbox.js';
import { runStep, type SaveState, type StepContext } from '../step-context.js';
import { requireSlack } from './slack-channel-step.js';

/** Slack history is searched from a little before the declare (clock skew). */
const HISTORY_SKEW_SECONDS = 120;

export const channelIdOf = (ctx: StepContext): string | undefined => {
  const id = ctx.outbox.step(ctx.declare.id, 'slack.channel')?.state.channelId;
  return typeof id === 'string' ? id : undefined;
};

export function knownLinks(ctx: StepContext): KnownLinks {
  const pagerduty = ctx.outbox.step(ctx.declare.id, 'pagerduty')?.url;
  return pagerduty ? { pagerduty } : {};
}

/** Posts once: a message an earlier try may have posted is looked up before posting again. */
async function postOnce(slack: SlackGateway, state: StepState, save: SaveState, target: { channel: string; lookupChannel: () => Promise<string | undefined>; blockId: string; oldest: number; content: () => SlackMessageContent; extra?: () => StepState }): Promise<{ channel: string; ts: string }> {
  if (typeof state.ts === 'string' && typeof state.channel === 'string') return { channel: state.channel, ts: state.ts };
  if (state.postStarted === true) {
    const lookup = await target.lookupChannel();
    const found = lookup ? await slack.findMessageByBlockId(lookup, target.blockId, target.oldest) : undefined;
    if (found) {
      save({ ts: found.ts, channel: found.channel });
      return found;
    }
  }
  save({ postStarted: true });
  const posted = await slack.postMessage(target.channel, target.content());
  save({ ts: posted.ts, channel: posted.channel, ...(target.extra?.() ?? {}) });
  return posted;
}

/** `onPosted` fires once the headline exists (before the pin): adding the PagerDuty link needs no more. */
export function runHeadlineStep(ctx: StepContext, onPosted: () => void = () => undefined) {
  return runStep(ctx, 'slack.headline', async (state, save) => {
    const slack = requireSlack(ctx);
    const channel = channelIdOf(ctx);
    if (!channel) throw new Error('the Slack channel is not known yet');
    const me = await slack.identity();
    let links: KnownLinks = {};
    const posted = await postOnce(slack, state, save, {
      channel,
      lookupChannel: async () => channel,
      blockId: headlineBlockId(ctx.declare.id),
      oldest: Date.parse(ctx.declare.createdAt) / 1000 - HISTORY_SKEW_SECONDS,
      content: () => headlineMessage(ctx.facts, (links = knownLinks(ctx))),
      extra: () => ({ linkedPagerDuty: links.pagerduty ?? null }),
    });
    onPosted();
    if (state.pinned !== true) {
      await slack.pin(posted.channel, posted.ts);
      save({ pinned: true });
    }
    return { url: slackLink(me.teamUrl, posted.channel, posted.ts) };
  });
}

/**
 * After PagerDuty answered: the headline gets the incident's link if it was posted without it.
 * Returns what to record when that failed (the headline step is then failed and retried).
 */
export async function linkHeadline(ctx: StepContext): Promise<void> {
  const step: DeclareStepName = 'slack.headline';
  const headline = ctx.outbox.step(ctx.declare.id, step);
  const links = knownLinks(ctx);
  // Posted is enough (the pin may still be on its way); the message's id and channel say it was.
  if (!ctx.vendors.slack || !headline || !links.pagerduty) return;
  const { ts, channel, linkedPagerDuty } = headline.state;
  if (typeof ts !== 'string' || typeof channel !== 'string' || linkedPagerDuty === links.pagerduty) return;
  await ctx.vendors.slack.updateMessage(channel, ts, headlineMessage(ctx.facts, links));
  ctx.outbox.saveStep(ctx.declare.id, step, { state: { linkedPagerDuty: links.pagerduty } }, ctx.clock.now().toISOString());
}

export function runDigestStep(ctx: StepContext) {
  return runStep(ctx, 'slack.digest', async (state, save) => {
    const slack = requireSlack(ctx);
    const digest = ctx.settings.slack.digestChannel;
    const channel = channelIdOf(ctx);
    if (!digest) return {};
    if (!channel) throw new Error('the Slack channel is not known yet');
    const me = await slack.identity();
    const posted = await postOnce(slack, state, save, {
      channel: digest,
      // The digest channel is configured by name; its id (for the history) comes from the first post or a lookup.
      lookupChannel: async () => (typeof state.channel === 'string' ? state.channel : (await slack.findChannelByName(digest.replace(/^#/, '')))?.id),
      blockId: digestBlockId(ctx.declare.id),
      oldest: Date.parse(ctx.declare.createdAt) / 1000 - HISTORY_SKEW_SECONDS,
      content: () => digestMessage(ctx.facts, channel),
    });
    return { url: slackLink(me.teamUrl, posted.channel, posted.ts) };
  });
}
