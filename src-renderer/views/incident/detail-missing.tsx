import type { AppError } from '../../../src-shared/result.js';
import { WarningIcon } from '../../components/icons.js';

/** The incident cannot be shown: gone (deleted, unknown id) or main could not be asked. */
export function DetailMissing({ error, onBack, onRetry }: { error: AppError; onBack: () => void; onRetry: () => void }) {
  const gone = error.code === 'not_found';
  return (
    <div className="detail-missing" role="alert">
      <span className="detail-missing-icon" aria-hidden="true">
        <WarningIcon />
      </span>
      <h2 className="detail-missing-title">{gone ? 'Incident not found' : 'Could not load the incident'}</h2>
      <p className="detail-missing-body">
        {gone ? 'It may have been deleted, or the link points to an incident this store does not have.' : error.message}
      </p>
      <div className="detail-form-actions">
        {gone ? null : (
          <button type="button" className="btn" onClick={onRetry}>
            Try again
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onBack}>
          Back to incidents
        </button>
      </div>
    </div>
  );
}
