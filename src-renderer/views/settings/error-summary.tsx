import { Alert } from '../../components/alert.js';
import { describeSettingPath } from '../../lib/settings-form.js';
import { useSettings } from '../../store/settings-store.js';

/** Why nothing was saved: the form's own checks, or main's answer. */
export function ErrorSummary() {
  const fieldErrors = useSettings((s) => s.fieldErrors);
  const saveError = useSettings((s) => s.saveError);
  const problems = Object.entries(fieldErrors);
  if (problems.length === 0 && !saveError) return null;
  return (
    <Alert tone="error" className="error-summary">
      <strong>Not saved.</strong>{' '}
      {saveError ? (
        saveError.message
      ) : (
        <>
          Fix {problems.length === 1 ? 'this' : 'these'} first:
          <ul>
            {problems.map(([path, message]) => (
              <li key={path}>
                {describeSettingPath(path)}: {message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
