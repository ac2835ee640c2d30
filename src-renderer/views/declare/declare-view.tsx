// The declare window: the form until a declare went through, then its result and steps.
import { useCallback, useEffect } from 'react';
import { isHarness } from '../../bridge.js';
import { ViewHeader } from '../../components/view-header.js';
import { useEscape } from '../../lib/use-escape.js';
import { useDeclare } from '../../store/declare-store.js';
import { useNavigation } from '../../store/navigation-store.js';
import { DeclareForm } from './declare-form.js';
import { DeclareResultPanel } from './declare-result-panel.js';

export function DeclareView() {
  const result = useDeclare((s) => s.result);
  const dismiss = useNavigation((s) => s.dismiss);
  const back = useCallback(() => void dismiss(), [dismiss]);
  const toIncidents = useCallback(() => void dismiss({ toIncidents: true }), [dismiss]);
  useEscape(back);
  // A result belongs to the visit that produced it: coming back later starts a fresh form.
  useEffect(() => () => {
    if (useDeclare.getState().result) useDeclare.getState().reset();
  }, []);

  return (
    <div className="window">
      <ViewHeader title={result ? 'Incident declared' : 'Declare incident'} onBack={isHarness() ? back : undefined} />
      {result ? <DeclareResultPanel result={result} onDone={toIncidents} /> : <DeclareForm onCancel={back} />}
    </div>
  );
}
