// Native reminders when an update runs out (issue #7). For the incidents I run (I command them, or I
// pinned one): one reminder per cadence slot, keyed in the notification ledger so that a restart does
// not repeat it, and computed for "now" only so that a machine waking after an hour reminds once, not
// once per missed slot. Snoozed incidents wait; stale incidents get one reminder per stale period.
import type { Incident } from '../../../src-shared/domain.js';
import type { Settings } from '../../../src-shared/settings.js';
import type { Clock } from '../ports.js';
import type { WatchEvent, WatchSink } from '../watch/watch-event.js';
import { cadenceStart, nextReminderAt, nextUpdateDue, reminderSlot, stalePeriod } from './cadence-rules.js';
import { isMine } from './cadence-tracker.js';

export interface CadenceRemindersOptions {
  clock: Clock;
  sink: WatchSink;
  incidents(): readonly Incident[];
  cadence(): Settings['cadence'];
  myNames(): ReadonlySet<string>;
  pinned(): string | undefined;
  snoozedUntil(now: Date): ReadonlyMap<string, string>;
  /**
   * Longest sleep between checks. Timers stop during system sleep and a clock may jump; waking at
   * least this often keeps a reminder at most this late.
   */
  maxWaitMs?: number;
}

const MINUTE = 60_000;

export class CadenceReminders {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(private readonly options: CadenceRemindersOptions) {}

  start(): void {
    this.stopped = false;
    this.check();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Looks now (the list changed, settings changed, the machine woke) and plans the next look. */
  check(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const now = this.options.clock.now();
    const next = this.remind(now);
    const wait = Math.max(50, Math.min(next - now.getTime(), this.options.maxWaitMs ?? MINUTE));
    this.timer = setTimeout(() => this.check(), wait);
    this.timer.unref();
  }

  /** Sends what is due at `now`; answers when the next reminder may be due. */
  private remind(now: Date): number {
    const at = now.getTime();
    const cadence = this.options.cadence();
    const names = this.options.myNames();
    const pinned = this.options.pinned();
    const snoozed = this.options.snoozedUntil(now);
    let next = Number.POSITIVE_INFINITY;
    for (const incident of this.options.incidents()) {
      if (incident.status === 'resolved') continue;
      const runByMe = incident.id === pinned || (incident.commander !== undefined && names.has(incident.commander));
      if (!runByMe && !isMine(incident, names)) continue;
      const snoozeEnd = snoozed.get(incident.id);
      if (snoozeEnd) {
        next = Math.min(next, Date.parse(snoozeEnd));
        continue;
      }
      const rule = cadence.perSeverity[incident.severity];
      const due = nextUpdateDue(incident, rule);
      if (runByMe && due !== undefined) {
        const slot = reminderSlot(due, rule, at);
        if (slot) this.options.sink(overdueEvent(incident, due, slot, at));
        next = Math.min(next, nextReminderAt(due, rule, at));
      }
      const period = stalePeriod(incident, cadence, at);
      if (period !== undefined) this.options.sink(staleEvent(incident, period, now));
    }
    return next;
  }
}

function overdueEvent(incident: Incident, due: number, slot: { slot: number; at: number }, now: number): WatchEvent {
  const sinceUpdate = Math.floor((now - cadenceStart(incident)) / MINUTE);
  const last = incident.lastUpdateAt ? `the last update was ${sinceUpdate} min ago` : `no update since it was declared ${sinceUpdate} min ago`;
  return {
    source: 'cadence',
    // The due time is part of the key: a new update moves it, and the next reminder is a new event.
    eventId: `${incident.id}:${new Date(due).toISOString()}:${slot.slot}`,
    kind: incident.severity === 'SEV1' ? 'update-overdue' : 'update-due',
    title: `Status update ${slot.slot === 0 ? 'due' : 'overdue'}: ${incident.name}`,
    body: `${incident.severity} ${incident.title}: ${last}. Post an update from the tray.`,
    incidentId: incident.id,
    at: new Date(slot.at).toISOString(),
  };
}

function staleEvent(incident: Incident, period: number, now: Date): WatchEvent {
  const days = Math.floor((now.getTime() - Date.parse(incident.createdAt)) / (24 * 60 * MINUTE));
  return {
    source: 'cadence',
    eventId: `stale:${incident.id}:${period}`,
    kind: 'incident-stale',
    title: `Still open after ${days} days: ${incident.name}`,
    body: `${incident.severity} ${incident.title}. Resolve it, or post an update on why it stays open.`,
    incidentId: incident.id,
    at: now.toISOString(),
  };
}
