// Declare, step 1 (DESIGN.md §3): validate, reserve a unique human-readable name, and write the
// intent with its planned steps to the SQLite outbox in one transaction. From here nothing is lost:
// the runner does the calls, and the outbox resumes whatever a crash or an outage interrupted.
import { v7 as uuidv7 } from 'uuid';
import { declareRequestSchema, type DeclareRequest } from '../../../src-shared/domain.js';
import { baseIncidentName, uniqueIncidentName } from '../../../src-shared/incident-name.js';
import { describeZodError } from '../../../src-shared/result.js';
import type { Settings } from '../../../src-shared/settings.js';
import type { Clock } from '../ports.js';
import { planDeclare, type VendorConfiguration } from './declare-plan.js';
import type { DeclareRecord, Outbox } from './outbox.js';

export class DeclareInputError extends Error {}

export type { VendorConfiguration };

export class DeclareService {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    /** Names of incidents the store already has (the open list we know of). */
    private readonly knownNames: () => ReadonlySet<string>,
  ) {}

  /** Writes the intent; throws DeclareInputError for input a person must correct. */
  writeIntent(input: unknown, settings: Settings, configured: VendorConfiguration, declaredBy: string): DeclareRecord {
    const parsed = declareRequestSchema.safeParse(input);
    if (!parsed.success) throw new DeclareInputError(describeZodError(parsed.error));
    const request: DeclareRequest = parsed.data;
    const now = this.clock.now();
    const id = uuidv7();
    const known = this.knownNames();
    const base = baseIncidentName(request.title, request.severity, now);
    return this.outbox.createIntent({
      id,
      idempotencyKey: id,
      request,
      declaredBy,
      createdAt: now.toISOString(),
      chooseName: () => uniqueIncidentName(base, (n) => known.has(n) || this.outbox.isNameReserved(n)),
      planSteps: (name) => planDeclare(name, request, settings, configured, declaredBy),
    });
  }
}
