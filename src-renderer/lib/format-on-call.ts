// The on-call line of the popover, in the person's local time: "On call until 18:00" (a weekday
// when the shift ends on another day: "On call until Wed 09:00"), "Next on call Tue 09:00".
import type { WatchState } from '../../src-shared/bridge.js';

type OnCall = NonNullable<WatchState['onCall']>;

const DAY_MS = 24 * 3600_000;

const sameLocalDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/**
 * "18:00" today, "Wed 18:00" within the coming week, "Wed 2 Dec 18:00" beyond it (where the weekday
 * alone would name today's). Always 24-hour: a shift boundary must not be misread by twelve hours.
 */
export function formatShiftTime(iso: string, now: number): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (sameLocalDay(at, new Date(now))) return time;
  const withinWeek = Math.abs(at.getTime() - now) < 6 * DAY_MS;
  const day = at.toLocaleDateString(undefined, withinWeek ? { weekday: 'short' } : { weekday: 'short', day: 'numeric', month: 'short' });
  return `${day} ${time}`;
}

export interface OnCallLine {
  text: string;
  /** On call right now (drawn stronger than a shift to come). */
  now: boolean;
  /** The full time for a tooltip. */
  detail?: string;
}

const fullTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** What to say about my on-call time; undefined when there is nothing (not watched, no shift ahead). */
export function describeOnCall(onCall: OnCall | undefined, now: number): OnCallLine | undefined {
  if (!onCall) return undefined;
  if (onCall.now) {
    return onCall.until
      ? { text: `On call until ${formatShiftTime(onCall.until, now)}`, now: true, detail: `Your shift ends ${fullTime(onCall.until)}` }
      : { text: 'On call', now: true, detail: 'Your shift has no end set' };
  }
  if (onCall.next) {
    return {
      text: `Next on call ${formatShiftTime(onCall.next.start, now)}`,
      now: false,
      detail: `From ${fullTime(onCall.next.start)} to ${fullTime(onCall.next.end)}`,
    };
  }
  return undefined;
}
