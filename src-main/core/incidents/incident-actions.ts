// Running a declared incident (issue #7): read it with its version and timeline, edit it with
// optimistic concurrency (a stale edit is a conflict that says what changed, never an overwrite),
// post a status update (hub first: it is the record and resets the cadence; then the war room and
// the digest), and resolve (hub, PagerDuty, Slack). A vendor that fails after the hub change leaves
// the change in place and says what to post by hand; nothing the person typed is lost.
import { randomUUID } from 'node:crypto';
import type { Incident } from '../../../src-shared/domain.js';
import type { ActionResult, ActionStep, EditableField, EditOutcome, IncidentDetail, IncidentEdit, PostUpdateInput, ResolveInput } from '../../../src-shared/incident-actions.js';
import { EDITABLE_FIELDS } from '../../../src-shared/incident-actions.js';
import { HubError, type HubClient, type IncidentWithEtag } from '../../../src-shared/hub-client-contract.js';
import type { PagerDutyAccess } from '../pagerduty/pagerduty-access.js';
import { withRetry, type RetryPolicy } from '../retry/retry-policy.js';
import { asStepError } from '../retry/step-error.js';
import { channelIdFromLink, digestUpdateMessage, statusUpdateMessage } from '../slack/incident-update-messages.js';
import type { SlackGateway, SlackMessageContent } from '../slack/slack-gateway.js';

export interface IncidentActionsOptions {
  store(): Promise<HubClient>;
  slack(): SlackGateway | undefined;
  pagerduty(): PagerDutyAccess | undefined;
  digestChannel(): string | undefined;
  /** Who posts: the name the Slack posts credit. */
  author(): string;
  policy: RetryPolicy;
  /** After a change: re-read the open list (the snapshot and the cadence follow). */
  afterChange(): Promise<void>;
}

/** A version the detail view was given, remembered so a conflict can say what changed since. */
const SERVED_VERSIONS_MAX = 200;

export class IncidentActions {
  private readonly served = new Map<string, Incident>();

  constructor(private readonly options: IncidentActionsOptions) {}

  async detail(id: string): Promise<IncidentDetail> {
    const store = await this.options.store();
    const [found, timeline] = await Promise.all([store.getIncident(id), store.timeline(id)]);
    return this.serve(found, timeline);
  }

  async edit(input: IncidentEdit): Promise<EditOutcome> {
    const store = await this.options.store();
    const base = this.served.get(versionKey(input.id, input.etag));
    try {
      const saved = await store.patchIncident(input.id, input.patch, { ifMatch: input.etag });
      await this.options.afterChange();
      return { outcome: 'saved', detail: this.serve(saved, await store.timeline(input.id)) };
    } catch (error) {
      if (!(error instanceof HubError) || error.status !== 412) throw error;
      const current = error.current ?? (await store.getIncident(input.id));
      const detail = this.serve(current, await store.timeline(input.id));
      return { outcome: 'conflict', current: detail, changed: changedFields(base, detail.incident, input) };
    }
  }

  async postUpdate(input: PostUpdateInput): Promise<ActionResult> {
    const store = await this.options.store();
    const { incident } = await store.postUpdate(input.id, { message: input.message, ...(input.status ? { status: input.status } : {}) });
    const [channel, digest] = await Promise.all([this.postInChannel(incident, input.message), this.postInDigest(incident, input.message)]);
    await this.options.afterChange();
    return { incident, steps: [{ step: 'hub', status: 'done' }, channel, digest] };
  }

  async resolve(input: ResolveInput): Promise<ActionResult> {
    const store = await this.options.store();
    const message = input.message ?? 'Resolved.';
    const { incident } = await store.postUpdate(input.id, { message, status: 'resolved' });
    const [pagerduty, channel, digest] = await Promise.all([this.resolvePage(incident), this.postInChannel(incident, message), this.postInDigest(incident, message)]);
    await this.options.afterChange();
    return { incident, steps: [{ step: 'hub', status: 'done' }, pagerduty, channel, digest] };
  }

  // ----------------------------------------------------------------------------------------------

  private serve(found: IncidentWithEtag, timeline: IncidentDetail['timeline']): IncidentDetail {
    if (!found.etag) throw new HubError(0, 'bad_response', 'the incident store answered without a version (ETag): edits cannot be checked, so none are offered');
    this.served.set(versionKey(found.incident.id, found.etag), found.incident);
    if (this.served.size > SERVED_VERSIONS_MAX) this.served.delete(this.served.keys().next().value ?? '');
    return { incident: found.incident, etag: found.etag, timeline };
  }

  private async postInChannel(incident: Incident, message: string): Promise<ActionStep> {
    const slack = this.options.slack();
    if (!slack) return { step: 'slack.channel', status: 'not-configured' };
    const channel = channelIdFromLink(incident.links.slack);
    if (!channel) return { step: 'slack.channel', status: 'skipped', error: `${incident.name} has no Slack channel on record: post the update where your team follows it` };
    const blockId = updateBlockId();
    return this.post('slack.channel', slack, { post: channel, find: async () => channel }, blockId, statusUpdateMessage(incident, message, this.options.author(), blockId), `post it by hand in #${incident.name}`);
  }

  private async postInDigest(incident: Incident, message: string): Promise<ActionStep> {
    const slack = this.options.slack();
    const digest = this.options.digestChannel();
    if (!slack || !digest) return { step: 'slack.digest', status: 'not-configured' };
    const blockId = updateBlockId();
    // The digest is configured by name; the history lookup needs its id.
    const where = { post: digest, find: async () => (await slack.findChannelByName(digest.replace(/^#/, '')))?.id };
    return this.post('slack.digest', slack, where, blockId, digestUpdateMessage(incident, message, channelIdFromLink(incident.links.slack), blockId), `tell ${digest} by hand`);
  }

  /**
   * Posts once: a try after one whose outcome is unknown (timeout, lost answer, 5xx) looks for the
   * message by its block id first, as the declare's posts do (chat.postMessage has no idempotency key).
   */
  private async post(step: ActionStep['step'], slack: SlackGateway, channel: { post: string; find(): Promise<string | undefined> }, blockId: string, content: SlackMessageContent, byHand: string): Promise<ActionStep> {
    const since = Date.now() / 1000 - HISTORY_SKEW_SECONDS;
    let tried = false;
    try {
      await withRetry(async () => {
        if (tried) {
          const id = await channel.find();
          if (id && (await slack.findMessageByBlockId(id, blockId, since))) return;
        }
        tried = true;
        await slack.postMessage(channel.post, content);
      }, this.options.policy);
      return { step, status: 'done' };
    } catch (error) {
      return { step, status: 'failed', error: `${asStepError(error).message}; ${byHand}` };
    }
  }

  /**
   * The PagerDuty incident the declare opened: REST finds it by `incident_key` (the hub id the
   * declare used), an Events-only setup resolves the alert by its `dedup_key` (the same id).
   */
  private async resolvePage(incident: Incident): Promise<ActionStep> {
    const pagerduty = this.options.pagerduty();
    if (!pagerduty) return { step: 'pagerduty', status: 'not-configured' };
    const byHand = incident.links.pagerduty ? `resolve it by hand: ${incident.links.pagerduty}` : 'resolve it by hand in PagerDuty';
    try {
      if (pagerduty.canUseRest) {
        const page = await withRetry(() => pagerduty.gateway.findIncidentByKey(incident.id), this.options.policy);
        const pageId = page?.id ?? pageIdFromLink(incident.links.pagerduty);
        if (!pageId) return { step: 'pagerduty', status: 'skipped', error: 'no PagerDuty incident was opened for it' };
        const from = pagerduty.fromEmail;
        if (!from) return { step: 'pagerduty', status: 'failed', error: `PagerDuty needs the email of one of its users to act as: set PAGERDUTY_FROM_EMAIL; ${byHand}` };
        await withRetry(() => pagerduty.gateway.resolveIncident(pageId, from), this.options.policy);
        return { step: 'pagerduty', status: 'done' };
      }
      if (pagerduty.routingKey) {
        const routingKey = pagerduty.routingKey;
        await withRetry(() => pagerduty.gateway.resolveEvent({ routingKey, dedupKey: incident.id }), this.options.policy);
        return { step: 'pagerduty', status: 'done' };
      }
      return { step: 'pagerduty', status: 'not-configured' };
    } catch (error) {
      return { step: 'pagerduty', status: 'failed', error: `${asStepError(error).message}; ${byHand}` };
    }
  }
}

const versionKey = (id: string, etag: string) => `${id}\u0000${etag}`;
const updateBlockId = () => `incident-tray-update-${randomUUID()}`;
/** Slack's clock and ours may differ a little: look a minute further back than the first try. */
const HISTORY_SKEW_SECONDS = 60;

/**
 * What changed under the editor: the fields where the incident now differs from the version the edit
 * started from. When that version is not known (served by an earlier run), the fields the edit
 * touches whose current value is not what the edit wants.
 */
function changedFields(base: Incident | undefined, current: Incident, edit: IncidentEdit): EditableField[] {
  if (base) return EDITABLE_FIELDS.filter((field) => (base[field] ?? null) !== (current[field] ?? null));
  return EDITABLE_FIELDS.filter((field) => field in edit.patch && (edit.patch[field] ?? null) !== (current[field] ?? null));
}

function pageIdFromLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return /\/incidents\/([A-Za-z0-9]+)\/?$/.exec(new URL(link).pathname)?.[1];
  } catch {
    return undefined;
  }
}
