import type { RefObject } from 'react';
import { countdownTo, type Countdown } from './format-countdown.js';
import { useTick } from './use-tick.js';
import { useVisible } from './use-visible.js';

/**
 * The countdown to `dueAt`, moving every second while the element in `ref` is on screen. Only a
 * component that draws a countdown calls this, so the per-second re-render stays inside it, and a
 * long list pays only for the few countdowns in view (80 of 200 rows ticking cost ~8 ms a second).
 */
export function useCountdown(dueAt: string, ref: RefObject<Element | null>): Countdown | undefined {
  const now = useTick(1_000, useVisible(ref));
  return countdownTo(dueAt, now);
}
