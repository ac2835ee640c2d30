import type { AppSnapshot } from '../../../src-shared/bridge.js';
import { GearIcon } from '../../components/icons.js';
import { useNavigation } from '../../store/navigation-store.js';

const STORE_LABELS: Record<AppSnapshot['store'], { text: string; hint: string }> = {
  local: { text: 'Local store', hint: 'No hub configured: incidents are kept on this computer only.' },
  hub: { text: 'Hub', hint: 'Incidents are shared with the team through the hub.' },
};

export function PopoverHeader({ store }: { store: AppSnapshot['store'] | undefined }) {
  const show = useNavigation((s) => s.show);
  return (
    <header className="popover-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">Incident Tray</h1>
        {store ? (
          <span className={`store-badge store-${store}`} title={STORE_LABELS[store].hint}>
            {STORE_LABELS[store].text}
          </span>
        ) : null}
      </div>
      <button type="button" className="btn btn-ghost" onClick={() => void show('settings')}>
        <GearIcon />
        Settings
      </button>
    </header>
  );
}
