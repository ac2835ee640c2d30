import type { TimelineEntry } from '../../../src-shared/hub-api.js';
import { formatTimestamp } from '../../lib/format-age.js';
import { TIMELINE_LABELS, valueLabel } from './detail-labels.js';
import { formatTimeOfDay } from './format-time.js';

/** One thing that happened: what, when, who; a change as from → to; an update's own words. */
export function TimelineItem({ entry, now }: { entry: TimelineEntry; now: number }) {
  // A change reads "from → to"; a value set for the first time (the declare's severity) just the value.
  const change = entry.from !== undefined && entry.to !== undefined;
  const setTo = entry.from === undefined && entry.to !== undefined;
  return (
    <li className={`timeline-entry timeline-${entry.kind}`} data-kind={entry.kind}>
      <div className="timeline-head">
        <span className="timeline-kind">{TIMELINE_LABELS[entry.kind]}</span>
        {change ? (
          <span className="timeline-change">
            <span className="timeline-from">{valueLabel(entry.from)}</span>
            <span aria-label="to"> → </span>
            <span className="timeline-to">{valueLabel(entry.to)}</span>
          </span>
        ) : setTo ? (
          <span className="timeline-change">
            <span className="timeline-to">{valueLabel(entry.to)}</span>
          </span>
        ) : null}
        <time className="timeline-time" dateTime={entry.at} title={formatTimestamp(entry.at)}>
          {formatTimeOfDay(entry.at, now)}
        </time>
      </div>
      <p className="timeline-actor">{entry.actor}</p>
      {entry.message ? <p className="timeline-message">{entry.message}</p> : null}
    </li>
  );
}
