// Runs a declare's unfinished steps (DESIGN.md §3), concurrently where they do not depend on each
// other: the hub record and the PagerDuty page start at once; the Slack channel waits for the hub's
// first answer (which settles the name); headline and digest need the channel. One run per declare
// at a time in this process (single flight) and across processes (a lease in the outbox).
import { hostname } from 'node:os';
import type { DeclareProgress } from '../../../src-shared/domain.js';
import type { Settings } from '../../../src-shared/settings.js';
import type { Clock, Logger } from '../ports.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import { followUpHeadline, followUpRecord, recordFollowUpFailure } from './follow-ups.js';
import type { Outbox } from './outbox.js';
import { blockedBy, type DeclareVendors, type StepContext } from './step-context.js';
import { runHubStep } from './steps/hub-step.js';
import { runPagerDutyStep } from './steps/pagerduty-step.js';
import { channelUrl, runSlackChannelStep } from './steps/slack-channel-step.js';
import { channelIdOf, runDigestStep, runHeadlineStep } from './steps/slack-post-steps.js';

export interface DeclareRunnerOptions {
  outbox: Outbox;
  clock: Clock;
  policy: RetryPolicy;
  /** Read at each run: settings and tokens may have changed since the declare was written. */
  vendors(): DeclareVendors;
  settings(): Settings;
  declarerEmail(): string | undefined;
  onProgress(progress: DeclareProgress): void;
  log?: Logger;
  /** First wait before the outbox tries a declare the network failed (doubles, up to 5 minutes). */
  resumeBaseMs?: number;
}

/** A run holds its declare this long at most before another process may take over. */
const LEASE_MS = 5 * 60_000;
/** When the network is to blame, the outbox tries again after 5 s, 10 s … up to 5 minutes. */
const RESUME_BASE_MS = 5_000;
const RESUME_MAX_MS = 5 * 60_000;

const OWNER = `${hostname()}:${process.pid}`;

/** Whether the process named in a lease still runs (on this machine; elsewhere the lease decides). */
export function leaseHolderAlive(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DeclareRunner {
  private readonly running = new Map<string, Promise<DeclareProgress | undefined>>();

  constructor(private readonly options: DeclareRunnerOptions) {}

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Runs the declare's unfinished steps; joins the run already going for it in this process. */
  run(id: string): Promise<DeclareProgress | undefined> {
    const existing = this.running.get(id);
    if (existing) return existing;
    const run = this.execute(id).finally(() => {
      this.running.delete(id);
      this.emit(id);
    });
    this.running.set(id, run);
    return run;
  }

  /** Resolves when every run going now has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private emit(id: string): void {
    const progress = this.options.outbox.progress(id, this.running.has(id));
    if (progress) this.options.onProgress(progress);
  }

  /**
   * The dependency graph, as promises. Critical path with the usual latencies: hub create → channel
   * create → headline post → pin, beside PagerDuty → headline link; everything else hangs off it.
   */
  private async runSteps(ctx: StepContext): Promise<void> {
    const slack = ctx.vendors.slack;
    // Warm-ups that every Slack step needs, started at once rather than on the critical path.
    if (slack) {
      void slack.identity().catch(() => undefined);
      if (ctx.declarerEmail) void slack.userIdByEmail(ctx.declarerEmail).catch(() => undefined);
    }
    let nameSettled!: () => void;
    const named = new Promise<void>((resolve) => (nameSettled = resolve));
    let channelReady!: (id: string | undefined) => void;
    const channelKnown = new Promise<string | undefined>((resolve) => (channelReady = resolve));

    const hub = runHubStep(ctx, nameSettled);
    const pagerduty = runPagerDutyStep(ctx);
    // A channel made by an earlier run is known from the outbox; the step then does not run again.
    const channel = named.then(() => runSlackChannelStep(ctx, channelReady)).finally(() => channelReady(channelIdOf(ctx)));
    const posts = channelKnown.then(async (channelId) => {
      if (!channelId) {
        const failed = await channel;
        blockedBy(ctx, 'slack.headline', failed, 'the Slack channel');
        blockedBy(ctx, 'slack.digest', failed, 'the Slack channel');
        return;
      }
      // The PagerDuty link goes into the headline as soon as both exist, beside the pin; a failure of
      // it is recorded on the headline step once that step has ended (or "done" would overwrite it).
      let posted!: () => void;
      const headlinePosted = new Promise<void>((resolve) => (posted = resolve));
      const headlineStep = runHeadlineStep(ctx, posted).finally(() => posted());
      const link = Promise.all([headlinePosted, pagerduty]).then(() => followUpHeadline(ctx));
      const headline = Promise.all([headlineStep, link]).then(([, failure]) => recordFollowUpFailure(ctx, failure));
      await Promise.all([headline, runDigestStep(ctx)]);
    });
    const record = Promise.all([hub, pagerduty, channelKnown]).then(() => followUpRecord(ctx, channelUrl(ctx)));
    await Promise.all([hub, pagerduty, channel, posts, record]);
  }

  private async execute(id: string): Promise<DeclareProgress | undefined> {
    const { outbox, clock } = this.options;
    const declare = outbox.declare(id);
    if (!declare) return undefined;
    if (declare.finishedAt) return outbox.progress(id, false);
    if (!outbox.claim(id, OWNER, clock.now(), LEASE_MS, leaseHolderAlive)) {
      this.options.log?.info('declare is being resumed by another process', { id });
      return outbox.progress(id, false);
    }
    try {
      const ctx: StepContext = {
        declare,
        facts: { id: declare.id, name: declare.name, request: declare.request, commander: declare.declaredBy },
        outbox,
        vendors: this.options.vendors(),
        settings: this.options.settings(),
        declarerEmail: this.options.declarerEmail(),
        clock,
        policy: this.options.policy,
        changed: () => this.emit(id),
      };
      await this.runSteps(ctx);
      const resumes = (outbox.declare(id)?.resumeCount ?? 0) + 1;
      const waiting = outbox.steps(id).some((s) => s.status === 'failed' && s.waitingForNetwork);
      const base = this.options.resumeBaseMs ?? RESUME_BASE_MS;
      const delay = Math.min(RESUME_MAX_MS, base * 2 ** Math.min(resumes - 1, 10)) * (0.5 + Math.random() / 2);
      outbox.settle(id, clock.now().toISOString(), waiting ? new Date(clock.now().getTime() + delay).toISOString() : undefined);
      return outbox.progress(id, false);
    } finally {
      outbox.release(id, OWNER);
    }
  }
}
