import { formatAge, formatTimestamp } from '../../lib/format-age.js';
import { useTick } from '../../lib/use-tick.js';

/** "1h 34m": moves every 30 s on the shared tick, without re-rendering the row around it. */
export function IncidentAge({ createdAt, id }: { createdAt: string; id?: string }) {
  const now = useTick(30_000);
  return (
    <time id={id} className="incident-age" dateTime={createdAt} title={`Declared ${formatTimestamp(createdAt)}`}>
      {formatAge(createdAt, now)}
    </time>
  );
}
