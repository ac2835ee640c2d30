import { useRef } from 'react';
import { formatTimestamp } from '../../lib/format-age.js';
import { useCountdown } from '../../lib/use-countdown.js';

/**
 * "next update in 24:10" / "overdue 3:05", red once overdue. The only part of a row that moves
 * every second: it subscribes to the per-second tick itself, so the row around it stays put, and
 * only while it is on screen (scrolled back into view it shows the current time at once).
 */
export function CountdownText({ dueAt, id, className }: { dueAt: string; id?: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const countdown = useCountdown(dueAt, ref);
  if (!countdown) return null;
  return (
    <span
      ref={ref}
      id={id}
      className={`countdown ${countdown.overdue ? 'is-overdue' : ''} ${className ?? ''}`}
      data-overdue={countdown.overdue}
      title={`Next status update due ${formatTimestamp(dueAt)}`}
    >
      {countdown.text}
    </span>
  );
}
