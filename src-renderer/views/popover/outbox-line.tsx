import { Fragment, useId, useState, type ReactNode } from 'react';
import type { DeclareProgress } from '../../../src-shared/domain.js';
import { ChevronIcon, CloudOffIcon, SpinnerIcon, WarningIcon } from '../../components/icons.js';
import { declarePhase } from '../../lib/declare-phase.js';
import { summariseOutbox, type OutboxTone } from '../../lib/outbox-summary.js';
import { OutboxEntry } from './outbox-entry.js';

const ICONS: Record<OutboxTone, () => ReactNode> = {
  attention: WarningIcon,
  network: CloudOffIcon,
  working: SpinnerIcon,
};

/**
 * Declares main has not finished (the snapshot's outbox) in one line — "2 declares waiting for
 * network", "1 declare needs attention" — that opens to the list of them with Retry.
 */
export function OutboxLine({ outbox }: { outbox: readonly DeclareProgress[] }) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const summary = summariseOutbox(outbox);
  if (!summary) return null;
  const Glyph = ICONS[summary.tone];
  const unfinished = outbox.filter((declare) => declarePhase(declare) !== 'finished');
  return (
    <section className={`outbox outbox-${summary.tone}`} aria-label="Unfinished declares">
      <div className="outbox-head">
        <Glyph />
        {/* Its own status region, outside the button, so a new count is announced by itself. */}
        <span className="outbox-text" role="status">
          {summary.parts.map((part, index) => (
            <Fragment key={part}>
              {index > 0 ? ' · ' : null}
              <span className="outbox-part">{part}</span>
            </Fragment>
          ))}
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-small outbox-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-label={expanded ? 'Hide unfinished declares' : 'Show unfinished declares'}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Hide' : 'Show'}
          <span className={expanded ? 'outbox-chevron is-open' : 'outbox-chevron'}>
            <ChevronIcon />
          </span>
        </button>
      </div>
      <ul id={listId} className="outbox-list" hidden={!expanded}>
        {unfinished.map((declare) => (
          <OutboxEntry key={declare.id} declare={declare} />
        ))}
      </ul>
    </section>
  );
}
