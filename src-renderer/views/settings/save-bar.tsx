import { useSettings } from '../../store/settings-store.js';

export function SaveBar({ onCancel }: { onCancel: () => void }) {
  const saving = useSettings((s) => s.saving);
  const saved = useSettings((s) => s.saved);
  const dirty = useSettings((s) => s.dirty);
  return (
    <footer className="window-footer">
      <span className={saved ? 'save-status is-saved' : 'save-status'} role="status">
        {saving ? 'Saving…' : saved ? 'Saved.' : dirty ? 'Unsaved changes' : ''}
      </span>
      <button type="button" className="btn" onClick={onCancel}>
        Close
      </button>
      <button type="submit" className="btn btn-primary" disabled={saving}>
        Save
      </button>
    </footer>
  );
}
