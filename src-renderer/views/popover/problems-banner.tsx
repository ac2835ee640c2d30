import type { ServiceProblem } from '../../../src-shared/bridge.js';
import { WarningIcon } from '../../components/icons.js';
import { useNavigation } from '../../store/navigation-store.js';

/**
 * A token that stopped working (the watchers' `problems`): one line per service, in main's words,
 * which name the fix ("…: update the PagerDuty API key in Settings"), and the way there.
 */
export function ProblemsBanner({ problems }: { problems: readonly ServiceProblem[] }) {
  const show = useNavigation((s) => s.show);
  if (problems.length === 0) return null;
  return (
    <section className="alert alert-warning problems" role="alert" aria-label="Needs your attention">
      <WarningIcon />
      <div className="problems-body">
        <ul className="problems-list">
          {problems.map((problem) => (
            <li key={problem.service} data-service={problem.service}>
              {problem.message}
            </li>
          ))}
        </ul>
        <button type="button" className="btn btn-small problems-settings" onClick={() => void show('settings')}>
          Open Settings
        </button>
      </div>
    </section>
  );
}
