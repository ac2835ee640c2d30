import { countdownTo, type Countdown } from './format-countdown.js';
import { useTick } from './use-tick.js';

/**
 * The countdown to `dueAt`, moving every second. Only a component that draws a countdown calls
 * this, so the per-second re-render stays inside that component.
 */
export function useCountdown(dueAt: string): Countdown | undefined {
  const now = useTick(1_000);
  return countdownTo(dueAt, now);
}
