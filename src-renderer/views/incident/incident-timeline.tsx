import type { TimelineEntry } from '../../../src-shared/hub-api.js';
import { TimelineItem } from './timeline-entry.js';

/**
 * Newest first: a commander opening the incident wants where it stands now (the last update, the
 * last status change) before how it started; the declare is at the bottom.
 */
export function IncidentTimeline({ entries, now }: { entries: readonly TimelineEntry[]; now: number }) {
  const newestFirst = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
  return (
    <section className="detail-section" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading" className="section-title">
        Timeline
      </h3>
      {newestFirst.length > 0 ? (
        <ol className="timeline" aria-label="Timeline, newest first">
          {newestFirst.map((entry) => (
            <TimelineItem key={entry.id} entry={entry} now={now} />
          ))}
        </ol>
      ) : (
        <p className="field-hint">Nothing recorded yet.</p>
      )}
    </section>
  );
}
