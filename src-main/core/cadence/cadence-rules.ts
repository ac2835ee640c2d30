// The update cadence as pure arithmetic (issue #7): when the next status update of an incident is
// due, which reminder slot "now" falls in, and when an incident counts as stale. The clock restarts
// from the hub's `lastUpdateAt`, so an update posted by a teammate or from another machine resets it.
import type { Incident } from '../../../src-shared/domain.js';
import type { CadenceRule, Settings } from '../../../src-shared/settings.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Where the cadence starts counting: the last status update, or the declare when there was none. */
export const cadenceStart = (incident: Incident): number => Date.parse(incident.lastUpdateAt ?? incident.createdAt);

/** When the next update is due; undefined when the severity has no reminder or it is resolved. */
export function nextUpdateDue(incident: Incident, rule: CadenceRule): number | undefined {
  if (incident.status === 'resolved' || rule.firstReminderMinutes === null) return undefined;
  return cadenceStart(incident) + rule.firstReminderMinutes * MINUTE;
}

/**
 * The reminder slot `now` falls in: 0 from the due time, then one more every `repeatEveryMinutes`.
 * A reminder belongs to a slot, so a machine that slept through three slots reminds once (for the
 * current one), not three times, and a restart within a slot does not remind again.
 */
export function reminderSlot(dueAt: number, rule: CadenceRule, now: number): { slot: number; at: number } | undefined {
  if (now < dueAt) return undefined;
  const every = rule.repeatEveryMinutes * MINUTE;
  const slot = Math.floor((now - dueAt) / every);
  return { slot, at: dueAt + slot * every };
}

/** When the reminder after `now` is due (the next slot's start, or the due time itself). */
export function nextReminderAt(dueAt: number, rule: CadenceRule, now: number): number {
  const current = reminderSlot(dueAt, rule, now);
  return current ? current.at + rule.repeatEveryMinutes * MINUTE : dueAt;
}

/** Since when an unresolved incident is stale, if it is by `now`. */
export function staleSince(incident: Incident, cadence: Settings['cadence'], now: number): number | undefined {
  if (incident.status === 'resolved') return undefined;
  const since = Date.parse(incident.createdAt) + cadence.staleAfterDays * DAY;
  return now >= since ? since : undefined;
}

/** Which stale period `now` is in: one stale reminder per `staleAfterDays`, not one a minute. */
export function stalePeriod(incident: Incident, cadence: Settings['cadence'], now: number): number | undefined {
  const since = staleSince(incident, cadence, now);
  return since === undefined ? undefined : Math.floor((now - since) / (cadence.staleAfterDays * DAY));
}
