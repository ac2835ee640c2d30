import { ShieldCheckIcon } from '../../components/icons.js';
import { DeclareButton } from './declare-button.js';

export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-icon">
        <ShieldCheckIcon />
      </div>
      <h2 id="empty-title" className="empty-title">
        No open incidents. Quiet is good.
      </h2>
      <p className="empty-hint">When something breaks, declare it here: war room, page and team record in one go.</p>
      <DeclareButton />
    </section>
  );
}
