import type { DeclareStepName, DeclareStepState } from '../../../src-shared/domain.js';
import { Alert } from '../../components/alert.js';
import { useNavigation } from '../../store/navigation-store.js';

const VENDOR_OF: Record<DeclareStepName, string> = {
  'slack.channel': 'Slack',
  'slack.headline': 'Slack',
  'slack.digest': 'Slack',
  pagerduty: 'PagerDuty',
  hub: 'The hub',
};

/** "Slack", "PagerDuty": the vendors whose steps reported not-configured. */
function vendorsNotSetUp(steps: readonly DeclareStepState[]): string[] {
  return [...new Set(steps.filter((s) => s.status === 'not-configured').map((s) => VENDOR_OF[s.step]))];
}

/** A vendor that is not set up is not a failure (DESIGN.md §5), but it is worth a way to set it up. */
export function VendorsNotSetUp({ steps }: { steps: readonly DeclareStepState[] }) {
  const show = useNavigation((s) => s.show);
  const vendors = vendorsNotSetUp(steps);
  if (vendors.length === 0) return null;
  const one = vendors.length === 1;
  return (
    <Alert tone="info">
      {vendors.join(' and ')} {one ? 'is' : 'are'} not set up, so {one ? 'its' : 'their'} steps were left out.{' '}
      <button type="button" className="btn btn-inline" onClick={() => void show('settings')}>
        Open Settings
      </button>
    </Alert>
  );
}
