import type { RefObject } from 'react';

interface DetailToolbarProps {
  resolved: boolean;
  onEdit: () => void;
  onResolve: () => void;
  editRef: RefObject<HTMLButtonElement | null>;
  resolveRef: RefObject<HTMLButtonElement | null>;
  /** The resolve confirmation is open (Resolve… then controls it). */
  confirming: boolean;
  /** The last edit was saved (said until the next edit starts). */
  saved: boolean;
}

/** Edit and Resolve…; their refs take focus back when the form or confirmation closes. */
export function DetailToolbar({ resolved, onEdit, onResolve, editRef, resolveRef, confirming, saved }: DetailToolbarProps) {
  return (
    <div className="detail-toolbar">
      <button ref={editRef} type="button" className="btn btn-small" onClick={onEdit}>
        Edit
      </button>
      {resolved ? null : (
        <button
          ref={resolveRef}
          type="button"
          className="btn btn-small detail-resolve-button"
          aria-expanded={confirming}
          aria-controls={confirming ? 'resolve-panel' : undefined}
          onClick={onResolve}
        >
          Resolve…
        </button>
      )}
      <span className="detail-saved" role="status">
        {saved ? 'Saved.' : ''}
      </span>
    </div>
  );
}
