import type { ChangeEvent } from 'react';
import { SEVERITIES } from '../../../src-shared/domain.js';
import { isSeverityFilter, type IncidentFilter } from '../../lib/incident-filter.js';
import { plural } from '../../lib/labels.js';
import { useIncidentFilter } from '../../store/incident-filter-store.js';
import { ChevronIcon } from '../../components/icons.js';

/**
 * All / Mine as two toggle buttons and the severities in a native select (five more buttons do not
 * fit 360 px, and a select is the control every screen reader and keyboard already knows). Each
 * choice shows how many incidents it would show. The choice is kept in localStorage.
 */
export function IncidentFilterBar({ counts }: { counts: Record<IncidentFilter, number> }) {
  const filter = useIncidentFilter((s) => s.filter);
  const setFilter = useIncidentFilter((s) => s.setFilter);
  const severity = isSeverityFilter(filter) ? filter : '';
  const onSeverity = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    setFilter(value === '' ? 'all' : (value as IncidentFilter));
  };
  return (
    <div className="filter-bar" role="group" aria-label="Filter incidents">
      {(['all', 'mine'] as const).map((choice) => (
        <button
          key={choice}
          type="button"
          className={filter === choice ? 'filter-chip is-on' : 'filter-chip'}
          aria-pressed={filter === choice}
          title={choice === 'all' ? `Show all ${plural(counts.all, 'open incident', 'open incidents')}` : 'Show the incidents I command, or declared and nobody commands'}
          onClick={() => setFilter(choice)}
        >
          {choice === 'all' ? 'All' : 'Mine'}{' '}
          <span className="filter-count">{counts[choice]}</span>
        </button>
      ))}
      <span className={severity ? 'filter-select-wrap is-on' : 'filter-select-wrap'}>
        <select className="filter-select" aria-label="Only one severity" value={severity} onChange={onSeverity}>
          <option value="">Severity</option>
          {SEVERITIES.map((level) => (
            <option key={level} value={level}>
              {`${level} (${counts[level]})`}
            </option>
          ))}
        </select>
        <span className="filter-select-chevron" aria-hidden="true">
          <ChevronIcon />
        </span>
      </span>
    </div>
  );
}
