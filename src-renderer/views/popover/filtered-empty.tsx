import { FilterIcon } from '../../components/icons.js';
import { describeHidden, type IncidentFilter } from '../../lib/incident-filter.js';
import { useIncidentFilter } from '../../store/incident-filter-store.js';

/**
 * The filter hides every open incident. Not the quiet "nothing open" state: it says which filter
 * hides how many, and offers the way back in one click.
 */
export function FilteredEmpty({ filter, hidden }: { filter: Exclude<IncidentFilter, 'all'>; hidden: number }) {
  const setFilter = useIncidentFilter((s) => s.setFilter);
  const { title, detail } = describeHidden(filter, hidden);
  return (
    <section className="filtered-empty" aria-labelledby="filtered-empty-title">
      <div className="filtered-empty-icon">
        <FilterIcon />
      </div>
      <h2 id="filtered-empty-title" className="empty-title">
        {title}
      </h2>
      <p className="empty-hint">{detail}</p>
      <button type="button" className="btn" onClick={() => setFilter('all')}>
        Show all {hidden}
      </button>
    </section>
  );
}
