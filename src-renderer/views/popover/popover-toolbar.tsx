import type { IncidentFilter } from '../../lib/incident-filter.js';
import { DeclareButton } from './declare-button.js';
import { IncidentFilterBar } from './incident-filter-bar.js';

/** Above the list: the filter with its counts (the "All" count is the number open) and Declare. */
export function PopoverToolbar({ counts }: { counts: Record<IncidentFilter, number> }) {
  return (
    <div className="popover-toolbar">
      <IncidentFilterBar counts={counts} />
      <DeclareButton compact />
    </div>
  );
}
