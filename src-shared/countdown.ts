// Countdowns as DESIGN.md §5 words them (the popover and the tray): "next update in 24:10", "overdue 3:05"; past an hour
// "1:04:10". Whole seconds, rounded so that the display reaches 0:00 exactly when the update is due.
const SECOND = 1_000;

export interface Countdown {
  overdue: boolean;
  /** "24:10", "1:04:10". */
  clock: string;
  /** "next update in 24:10" or "overdue 3:05". */
  text: string;
}

function clockOf(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

export function countdownTo(dueAt: string, now: number): Countdown | undefined {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return undefined;
  const left = due - now;
  if (left > 0) {
    const clock = clockOf(Math.ceil(left / SECOND));
    return { overdue: false, clock, text: `next update in ${clock}` };
  }
  const clock = clockOf(Math.floor(-left / SECOND));
  return { overdue: true, clock, text: `overdue ${clock}` };
}
