// The declare window: the form until main has the declare in its outbox, then that declare live. The
// flow runs in main, so closing the window at any point loses nothing; coming back shows the form.
import { useCallback, useEffect } from 'react';
import { isHarness } from '../../bridge.js';
import { ViewHeader } from '../../components/view-header.js';
import { useEscape } from '../../lib/use-escape.js';
import { useDeclare } from '../../store/declare-store.js';
import { useDeclareProgress } from '../../store/declare-progress-store.js';
import { useNavigation } from '../../store/navigation-store.js';
import { DeclareForm } from './declare-form.js';
import { DeclareProgressPanel } from './declare-progress-panel.js';

export function DeclareView() {
  const declaredId = useDeclare((s) => s.declaredId);
  const declare = useDeclareProgress((s) => (declaredId ? s.byId[declaredId] : undefined));
  const dismiss = useNavigation((s) => s.dismiss);
  const back = useCallback(() => void dismiss(), [dismiss]);
  const toIncidents = useCallback(() => void dismiss({ toIncidents: true }), [dismiss]);
  const toIncident = useCallback((incidentId: string) => void dismiss({ incidentId }), [dismiss]);
  useEscape(back);
  // A declare belongs to the visit that made it: coming back later starts a fresh form.
  useEffect(() => () => {
    if (useDeclare.getState().declaredId) useDeclare.getState().reset();
  }, []);

  const title = !declare ? 'Declare incident' : declare.finished ? 'Incident declared' : 'Declaring incident';
  return (
    <div className="window">
      <ViewHeader title={title} onBack={isHarness() ? back : undefined} />
      {declare ? <DeclareProgressPanel declare={declare} onDone={toIncidents} onOpen={toIncident} /> : <DeclareForm onCancel={back} />}
    </div>
  );
}
