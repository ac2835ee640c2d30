import { useRef } from 'react';
import { formatAge, formatTimestamp } from '../../lib/format-age.js';
import { useTick } from '../../lib/use-tick.js';
import { useVisible } from '../../lib/use-visible.js';

/** "1h 34m": moves every 30 s on the shared tick while on screen, without re-rendering its row. */
export function IncidentAge({ createdAt, id }: { createdAt: string; id?: string }) {
  const ref = useRef<HTMLTimeElement>(null);
  const now = useTick(30_000, useVisible(ref));
  return (
    <time ref={ref} id={id} className="incident-age" dateTime={createdAt} title={`Declared ${formatTimestamp(createdAt)}`}>
      {formatAge(createdAt, now)}
    </time>
  );
}
