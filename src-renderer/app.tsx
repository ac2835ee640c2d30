// The window's content: the view named by the hash, unless the page cannot talk to main at all.
import { FatalScreen } from './components/fatal-screen.js';
import { useNavigation } from './store/navigation-store.js';
import { useSnapshot } from './store/snapshot-store.js';
import { DeclareView } from './views/declare/declare-view.js';
import { IncidentDetailView } from './views/incident/incident-detail-view.js';
import { useReturnFocus } from './views/incident/use-return-focus.js';
import { PopoverView } from './views/popover/popover-view.js';
import { SettingsView } from './views/settings/settings-view.js';

export function App() {
  const view = useNavigation((s) => s.view);
  const incidentId = useNavigation((s) => s.incidentId);
  const error = useSnapshot((s) => s.error);
  const hasSnapshot = useSnapshot((s) => s.snapshot !== undefined);
  const reload = useSnapshot((s) => s.load);
  useReturnFocus(view === 'popover' ? incidentId : undefined);

  if (error?.code === 'unauthorized') {
    return (
      <FatalScreen kind="unauthorised" title="Not authorised">
        <p>{error.message}</p>
      </FatalScreen>
    );
  }
  if (error && !hasSnapshot) {
    return (
      <FatalScreen
        kind="unavailable"
        title="Cannot reach incident-tray"
        action={
          <button type="button" className="btn btn-primary" onClick={() => void reload()}>
            Try again
          </button>
        }
      >
        <p>{error.message}</p>
      </FatalScreen>
    );
  }
  switch (view) {
    case 'declare':
      return <DeclareView />;
    case 'settings':
      return <SettingsView />;
    default:
      // The popover window drilled into one incident (#/incident/<id>); keyed so each incident starts fresh.
      return incidentId !== undefined ? <IncidentDetailView key={incidentId} incidentId={incidentId} /> : <PopoverView />;
  }
}
