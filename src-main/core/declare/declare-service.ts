// Declare, foundation slice: the intent goes into the SQLite outbox first (DESIGN.md §3, step 1),
// the name is reserved there, then the record is written to the store. Slack war rooms, PagerDuty
// pages and the remote hub step arrive with the declare issue; until then a configured vendor step
// reports `failed` with what to do by hand, and an unconfigured one reports `not-configured`.
import { v7 as uuidv7 } from 'uuid';
import {
  declareRequestSchema,
  type DeclareRequest,
  type DeclareResult,
  type DeclareStepState,
  type Incident,
} from '../../../src-shared/domain.js';
import { describeZodError } from '../../../src-shared/result.js';
import type { Settings } from '../../../src-shared/settings.js';
import type { LocalIncidentStore } from '../incidents/local-incident-store.js';
import type { Clock } from '../ports.js';
import type { AppDatabase } from '../store/database.js';
import { baseIncidentName, uniqueIncidentName } from './incident-name.js';

export class DeclareInputError extends Error {}

export interface VendorConfiguration {
  slack: boolean;
  pagerduty: boolean;
  hub: boolean;
}

export class DeclareService {
  constructor(
    private readonly db: AppDatabase,
    private readonly incidents: LocalIncidentStore,
    private readonly clock: Clock,
  ) {}

  declare(input: unknown, settings: Settings, configured: VendorConfiguration, declaredBy: string): DeclareResult {
    const parsed = declareRequestSchema.safeParse(input);
    if (!parsed.success) throw new DeclareInputError(describeZodError(parsed.error));
    const request: DeclareRequest = parsed.data;
    const now = this.clock.now();
    const id = uuidv7();

    // One transaction: the name is reserved and the intent recorded before anything else happens.
    const name = this.db.transaction(() => {
      const reserved = uniqueIncidentName(baseIncidentName(request.title, request.severity, now), (n) =>
        this.incidents.isNameTaken(n),
      );
      this.db
        .prepare(
          `INSERT INTO declares (id, idempotency_key, name, request_json, declared_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, id, reserved, JSON.stringify(request), declaredBy, now.toISOString());
      return reserved;
    })();

    const incident: Incident = {
      id,
      name,
      title: request.title,
      severity: request.severity,
      status: 'investigating',
      declaredBy,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      links: {},
    };
    if (request.description) incident.description = request.description;
    if (request.service) incident.service = request.service;
    this.incidents.create(incident);

    const steps = this.vendorSteps(name, request, settings, configured);
    this.db.transaction(() => {
      const record = this.db.prepare(
        `INSERT INTO declare_steps (declare_id, step, status, attempts, error, updated_at) VALUES (?, ?, ?, 1, ?, ?)`,
      );
      for (const s of steps) record.run(id, s.step, s.status, s.error ?? null, now.toISOString());
      this.db.prepare('UPDATE declares SET finished_at = ? WHERE id = ?').run(now.toISOString(), id);
    })();
    return { id, name, steps };
  }

  private vendorSteps(
    name: string,
    request: DeclareRequest,
    settings: Settings,
    configured: VendorConfiguration,
  ): DeclareStepState[] {
    const pending = 'not available in this build yet';
    const slack = (step: DeclareStepState['step'], fallback: string): DeclareStepState =>
      configured.slack
        ? { step, status: 'failed', error: `Slack ${pending}`, manualFallback: fallback }
        : { step, status: 'not-configured' };
    const digest = settings.slack.digestChannel;
    return [
      slack('slack.channel', `Create #${name} in Slack and invite the responders.`),
      slack('slack.headline', `Post the headline in #${name}: ${request.severity} ${request.title}.`),
      digest
        ? slack('slack.digest', `Post a notice about #${name} in ${digest}.`)
        : { step: 'slack.digest', status: configured.slack ? 'skipped' : 'not-configured' },
      !settings.routing[request.severity].page
        ? { step: 'pagerduty', status: 'skipped' }
        : configured.pagerduty
          ? {
              step: 'pagerduty',
              status: 'failed',
              error: `PagerDuty ${pending}`,
              manualFallback: `Page the on-call of ${request.service ?? 'the affected service'} in PagerDuty.`,
            }
          : { step: 'pagerduty', status: 'not-configured' },
      configured.hub
        ? { step: 'hub', status: 'failed', error: `Hub ${pending}; recorded in the local store`, manualFallback: 'Tell the team in Slack.' }
        : { step: 'hub', status: 'done' },
    ];
  }

  /** Declares whose steps did not all finish (the outbox the UI counts). */
  pendingCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM declares WHERE finished_at IS NULL').get() as { n: number }).n;
  }
}
