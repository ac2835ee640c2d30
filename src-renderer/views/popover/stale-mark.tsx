import { formatTimestamp } from '../../lib/format-age.js';

/** Open longer than the stale limit (main's `staleSince`): worth resolving or re-checking. */
export function StaleMark({ since, id }: { since: string; id?: string }) {
  return (
    <span id={id} className="stale-mark" title={`Unresolved for too long: stale since ${formatTimestamp(since)}`}>
      Stale
    </span>
  );
}
