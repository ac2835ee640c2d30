// My on-call time from PagerDuty's `/oncalls` entries: one entry per escalation policy and level,
// often overlapping (the same person on two policies) or back to back (two schedule layers). For a
// person the question is simpler — "am I on call now, until when, and when next?" — so the entries
// are merged into windows of continuous on-call time first.

export interface OnCallEntry {
  /** ISO; undefined: on call since ever (an escalation rule that names the user directly). */
  start?: string;
  /** ISO; undefined: no end. */
  end?: string;
  policyId: string;
  policyName?: string;
}

/** A stretch of continuous on-call time; named after the entry that opens it. */
export interface OnCallWindow {
  start?: string;
  end?: string;
  policyId: string;
  policyName?: string;
}

const startMs = (w: { start?: string }) => (w.start === undefined ? -Infinity : Date.parse(w.start));
const endMs = (w: { end?: string }) => (w.end === undefined ? Infinity : Date.parse(w.end));

/** Entries merged into sorted, non-overlapping windows (touching entries join: no gap, no new shift). */
export function mergeOnCallEntries(entries: readonly OnCallEntry[]): OnCallWindow[] {
  const sorted = entries.filter((e) => startMs(e) < endMs(e)).sort((a, b) => startMs(a) - startMs(b));
  const windows: OnCallWindow[] = [];
  for (const entry of sorted) {
    const last = windows[windows.length - 1];
    if (last && startMs(entry) <= endMs(last)) {
      if (endMs(entry) > endMs(last)) {
        if (entry.end === undefined) delete last.end;
        else last.end = entry.end;
      }
      continue;
    }
    windows.push({ ...(entry.start !== undefined ? { start: entry.start } : {}), ...(entry.end !== undefined ? { end: entry.end } : {}), policyId: entry.policyId, ...(entry.policyName !== undefined ? { policyName: entry.policyName } : {}) });
  }
  return windows;
}

/** The window I am in at `now` (if any) and the first one that starts after it. */
export function onCallAt(windows: readonly OnCallWindow[], now: Date): { current?: OnCallWindow; next?: OnCallWindow } {
  const at = now.getTime();
  const current = windows.find((w) => startMs(w) <= at && at < endMs(w));
  const next = windows.find((w) => startMs(w) > at);
  return { ...(current ? { current } : {}), ...(next ? { next } : {}) };
}

/** An ISO time in one canonical spelling (PagerDuty answers in the account's zone, e.g. `-05:00`). */
export function canonicalTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
