// The declare outbox on SQLite (DESIGN.md §3): the intent is written before any call, each step's
// progress (including the ids a vendor gave back, e.g. the Slack channel) is saved right after the
// call that produced it, so a crash or an outage resumes exactly where it stopped with the same keys.
import {
  SETTLED_STEP_STATUSES,
  declareRequestSchema,
  type DeclareProgress,
  type DeclareRequest,
  type DeclareStepName,
  type DeclareStepState,
  type StepStatus,
} from '../../../src-shared/domain.js';
import type { Statement } from 'better-sqlite3';
import type { AppDatabase } from '../store/database.js';

export interface DeclareRecord {
  id: string;
  idempotencyKey: string;
  name: string;
  request: DeclareRequest;
  declaredBy: string;
  createdAt: string;
  finishedAt?: string;
  nextAttemptAt?: string;
  resumeCount: number;
}

/** A step's own bookkeeping (channel id, message ts, PagerDuty id …), kept as JSON. */
export type StepState = Record<string, unknown>;

export interface StepRecord {
  step: DeclareStepName;
  status: StepStatus;
  attempts: number;
  state: StepState;
  url?: string;
  error?: string;
  manualFallback?: string;
  waitingForNetwork: boolean;
}

export type StepPatch = Partial<Omit<StepRecord, 'step' | 'state'>> & { state?: StepState; url?: string | undefined; error?: string | undefined; manualFallback?: string | undefined };

interface DeclareRow {
  id: string;
  idempotency_key: string;
  name: string;
  request_json: string;
  declared_by: string;
  created_at: string;
  finished_at: string | null;
  next_attempt_at: string | null;
  resume_count: number;
}

interface StepRow {
  step: DeclareStepName;
  status: StepStatus;
  attempts: number;
  result_json: string | null;
  url: string | null;
  error: string | null;
  manual_fallback: string | null;
  waiting_for_network: number;
}

const toDeclare = (row: DeclareRow): DeclareRecord => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  name: row.name,
  request: declareRequestSchema.parse(JSON.parse(row.request_json)),
  declaredBy: row.declared_by,
  createdAt: row.created_at,
  ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
  ...(row.next_attempt_at ? { nextAttemptAt: row.next_attempt_at } : {}),
  resumeCount: row.resume_count,
});

const toStep = (row: StepRow): StepRecord => ({
  step: row.step,
  status: row.status,
  attempts: row.attempts,
  state: row.result_json ? (JSON.parse(row.result_json) as StepState) : {},
  ...(row.url ? { url: row.url } : {}),
  ...(row.error ? { error: row.error } : {}),
  ...(row.manual_fallback ? { manualFallback: row.manual_fallback } : {}),
  waitingForNetwork: row.waiting_for_network === 1,
});

/** The outbox's hot query (every snapshot): served by the partial index `declares_unfinished`. */
export const UNFINISHED_DECLARES_SQL = 'SELECT * FROM declares WHERE finished_at IS NULL ORDER BY created_at';

export const isSettled = (status: StepStatus) => SETTLED_STEP_STATUSES.includes(status);

export class Outbox {
  /** Statements prepared once: preparing was the biggest single cost of a declare in the profile. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: AppDatabase) {}

  private sql<Row = unknown>(text: string): Statement<unknown[], Row> {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement as Statement<unknown[], Row>;
  }

  /** Whether a declare (finished or not) already holds this name. */
  isNameReserved(name: string): boolean {
    return this.sql('SELECT 1 FROM declares WHERE name = ?').get(name) !== undefined;
  }

  /**
   * Writes the intent and its planned steps in one transaction. `chooseName` runs inside it, so two
   * declares in two processes can never reserve the same name.
   */
  createIntent(intent: Omit<DeclareRecord, 'name' | 'resumeCount' | 'finishedAt' | 'nextAttemptAt'> & { chooseName: () => string; planSteps: (name: string) => { step: DeclareStepName; status: StepStatus; manualFallback?: string }[] }): DeclareRecord {
    return this.db.transaction(() => {
      const name = intent.chooseName();
      const steps = intent.planSteps(name);
      this
        .sql(`INSERT INTO declares (id, idempotency_key, name, request_json, declared_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(intent.id, intent.idempotencyKey, name, JSON.stringify(intent.request), intent.declaredBy, intent.createdAt);
      const insert = this.sql(`INSERT INTO declare_steps (declare_id, step, status, attempts, updated_at, manual_fallback) VALUES (?, ?, ?, 0, ?, ?)`);
      for (const s of steps) insert.run(intent.id, s.step, s.status, intent.createdAt, s.manualFallback ?? null);
      const allSettled = steps.every((s) => isSettled(s.status));
      if (allSettled) this.sql('UPDATE declares SET finished_at = ? WHERE id = ?').run(intent.createdAt, intent.id);
      const stored = this.declare(intent.id);
      if (!stored) throw new Error(`declare ${intent.id} was not stored`);
      return stored;
    })();
  }

  declare(id: string): DeclareRecord | undefined {
    const row = this.sql<DeclareRow>('SELECT * FROM declares WHERE id = ?').get(id);
    return row ? toDeclare(row) : undefined;
  }

  steps(id: string): StepRecord[] {
    return this.sql<StepRow>('SELECT step, status, attempts, result_json, url, error, manual_fallback, waiting_for_network FROM declare_steps WHERE declare_id = ?')
      .all(id)
      .map(toStep);
  }

  step(id: string, step: DeclareStepName): StepRecord | undefined {
    return this.steps(id).find((s) => s.step === step);
  }

  /** Unfinished declares, oldest first. */
  unfinished(): DeclareRecord[] {
    return this.sql<DeclareRow>(UNFINISHED_DECLARES_SQL).all().map(toDeclare);
  }

  unfinishedCount(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM declares WHERE finished_at IS NULL').get() as { n: number }).n;
  }

  /** Saves a step's progress; `state` is merged into what is there (a step saves as it goes). */
  saveStep(id: string, step: DeclareStepName, patch: StepPatch, at: string): void {
    this.db.transaction(() => {
      const current = this.step(id, step);
      if (!current) throw new Error(`declare ${id} has no step ${step}`);
      const next = { ...current, ...patch, state: { ...current.state, ...(patch.state ?? {}) } };
      this
        .sql(
          `UPDATE declare_steps SET status = ?, attempts = ?, result_json = ?, url = ?, error = ?, manual_fallback = ?, waiting_for_network = ?, updated_at = ?
           WHERE declare_id = ? AND step = ?`,
        )
        .run(
          next.status,
          next.attempts,
          JSON.stringify(next.state),
          next.url ?? null,
          next.error ?? null,
          next.manualFallback ?? null,
          next.waitingForNetwork ? 1 : 0,
          at,
          id,
          step,
        );
    })();
  }

  /**
   * Takes the declare for `owner` unless another live process holds it: the app and a CLI resuming
   * the same declare at once would post its Slack messages twice. A holder that died (crash, kill)
   * is recognised by `isAlive` or by its lease running out.
   */
  claim(id: string, owner: string, at: Date, leaseMs: number, isAlive: (owner: string) => boolean): boolean {
    return this.db.transaction(() => {
      const row = this.sql<{ lease_owner: string | null; lease_until: string | null; finished_at: string | null }>('SELECT lease_owner, lease_until, finished_at FROM declares WHERE id = ?').get(id);
      if (!row) return false;
      const held = row.lease_owner !== null && row.lease_owner !== owner && row.lease_until !== null && row.lease_until > at.toISOString() && isAlive(row.lease_owner);
      if (held) return false;
      this.sql('UPDATE declares SET lease_owner = ?, lease_until = ? WHERE id = ?').run(owner, new Date(at.getTime() + leaseMs).toISOString(), id);
      return true;
    }).immediate();
  }

  release(id: string, owner: string): void {
    this.sql('UPDATE declares SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?').run(id, owner);
  }

  /** Unfinished declares due for another try (their scheduled time has come). */
  due(at: Date): DeclareRecord[] {
    return this.sql<DeclareRow>('SELECT * FROM declares WHERE finished_at IS NULL AND next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY created_at')
      .all(at.toISOString())
      .map(toDeclare);
  }

  rename(id: string, name: string): void {
    this.sql('UPDATE declares SET name = ? WHERE id = ?').run(name, id);
  }

  /** Marks the declare finished when every step is settled; otherwise schedules the next try. */
  settle(id: string, at: string, nextAttemptAt: string | undefined): boolean {
    return this.db.transaction(() => {
      const finished = this.steps(id).every((s) => isSettled(s.status));
      if (finished) this.sql('UPDATE declares SET finished_at = ?, next_attempt_at = NULL WHERE id = ?').run(at, id);
      else this.sql('UPDATE declares SET next_attempt_at = ?, resume_count = resume_count + 1 WHERE id = ?').run(nextAttemptAt ?? null, id);
      return finished;
    })();
  }

  progress(id: string, running: boolean): DeclareProgress | undefined {
    const declare = this.declare(id);
    if (!declare) return undefined;
    const steps = this.steps(id);
    return {
      id: declare.id,
      name: declare.name,
      title: declare.request.title,
      severity: declare.request.severity,
      ...(declare.request.service ? { service: declare.request.service } : {}),
      createdAt: declare.createdAt,
      steps: orderSteps(steps).map(toStepState),
      finished: declare.finishedAt !== undefined,
      running,
    };
  }
}

const STEP_ORDER: readonly DeclareStepName[] = ['slack.channel', 'slack.headline', 'slack.digest', 'pagerduty', 'hub'];
const orderSteps = (steps: StepRecord[]) => [...steps].sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));

function toStepState(step: StepRecord): DeclareStepState {
  return {
    step: step.step,
    status: step.status,
    ...(step.url ? { url: step.url } : {}),
    ...(step.error ? { error: step.error } : {}),
    ...(step.manualFallback && !isSettled(step.status) ? { manualFallback: step.manualFallback } : {}),
    attempts: step.attempts,
    ...(step.status === 'failed' ? { waitingForNetwork: step.waitingForNetwork } : {}),
  };
}
