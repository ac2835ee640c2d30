// What a declare does once its steps have answered: the headline gets the PagerDuty link, and the
// incident record gets the Slack and PagerDuty links. A failure here fails the step it belongs to
// (with a message saying what is missing), so the outbox retries it like any other.
import { HubError } from '../../../src-shared/hub-client-contract.js';
import type { DeclareStepName } from '../../../src-shared/domain.js';
import { withRetry } from '../retry/retry-policy.js';
import { asStepError, type StepError } from '../retry/step-error.js';
import { hubStepError, type StepContext } from './step-context.js';
import { linkHeadline } from './steps/slack-post-steps.js';

async function recordLinks(ctx: StepContext, slackUrl: string | undefined): Promise<void> {
  const hub = ctx.outbox.step(ctx.declare.id, 'hub');
  if (hub?.status !== 'done') return;
  const slack = ctx.outbox.step(ctx.declare.id, 'slack.channel')?.url ?? slackUrl;
  const pagerduty = ctx.outbox.step(ctx.declare.id, 'pagerduty')?.url;
  const wanted = { ...(slack ? { slack } : {}), ...(pagerduty ? { pagerduty } : {}) };
  const recorded = (hub.state.links ?? {}) as Record<string, string>;
  if (Object.entries(wanted).every(([k, v]) => recorded[k] === v)) return;
  try {
    // If-Match keeps a teammate's edit: on 412 the current version is read again and the patch re-applied.
    for (let tries = 0; tries < 3; tries++) {
      const { etag } = await ctx.vendors.incidents.getIncident(ctx.declare.id);
      try {
        await ctx.vendors.incidents.patchIncident(ctx.declare.id, { links: wanted }, { ifMatch: etag ?? '*' });
        break;
      } catch (error) {
        if (!(error instanceof HubError) || error.status !== 412 || tries === 2) throw error;
      }
    }
  } catch (error) {
    throw hubStepError(error);
  }
  ctx.outbox.saveStep(ctx.declare.id, 'hub', { state: { links: wanted } }, ctx.clock.now().toISOString());
}

/** A follow-up that failed: recorded on its step (so the outbox retries it) once the step itself has ended. */
export interface FollowUpFailure {
  step: DeclareStepName;
  error: StepError;
  what: string;
}

async function attempt(ctx: StepContext, step: DeclareStepName, what: string, work: () => Promise<void>): Promise<FollowUpFailure | undefined> {
  try {
    await withRetry(work, ctx.policy);
    return undefined;
  } catch (error) {
    return { step, error: asStepError(error), what };
  }
}

export function recordFollowUpFailure(ctx: StepContext, failure: FollowUpFailure | undefined): void {
  if (!failure) return;
  ctx.outbox.saveStep(
    ctx.declare.id,
    failure.step,
    { status: 'failed', error: `${failure.what}: ${failure.error.message}`, waitingForNetwork: failure.error.waitingForNetwork },
    ctx.clock.now().toISOString(),
  );
  ctx.changed();
}

/** Once the headline is posted and PagerDuty answered: the headline gets the page's link. */
export const followUpHeadline = (ctx: StepContext) => attempt(ctx, 'slack.headline', 'the headline is posted, but adding the PagerDuty link failed', () => linkHeadline(ctx));

/** Once the record, the channel and the page exist: the record gets their links. */
export const followUpRecord = async (ctx: StepContext, slackUrl: string | undefined) =>
  recordFollowUpFailure(ctx, await attempt(ctx, 'hub', 'the incident is recorded, but saving its Slack/PagerDuty links failed', () => recordLinks(ctx, slackUrl)));
