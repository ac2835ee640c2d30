import type { DeclareProgress } from '../../../src-shared/domain.js';
import { Alert } from '../../components/alert.js';
import { blockedSteps, declarePhase, isBlocked, needsAttention } from '../../lib/declare-phase.js';
import { plural } from '../../lib/labels.js';

/** One sentence on where the whole declare stands, above its steps. */
export function DeclareStatus({ declare }: { declare: DeclareProgress }) {
  switch (declarePhase(declare)) {
    case 'finished':
      return (
        <Alert tone="success" className="declare-status">
          <strong>Declared.</strong> Every step has finished.
        </Alert>
      );
    case 'attention': {
      const failed = declare.steps.filter((step) => needsAttention(step) && !isBlocked(step)).length;
      const waiting = blockedSteps(declare).length;
      return (
        <Alert tone="warning" className="declare-status">
          <strong>{plural(failed, 'step', 'steps')} did not go through</strong>
          {waiting > 0 ? ` (${waiting} more ${waiting === 1 ? 'waits' : 'wait'} for ${failed === 1 ? 'it' : 'them'})` : ''}. The
          declare is saved; retry, or do it by hand meanwhile as shown below.
        </Alert>
      );
    }
    case 'network':
      // Not an alarm: the outbox keeps the declare and finishes it when the network is back.
      return (
        <Alert tone="offline" className="declare-status">
          <strong>Waiting for network — will finish by itself.</strong> The declare is saved; nothing will be done
          twice.
        </Alert>
      );
    default:
      return (
        <Alert tone="info" className="declare-status">
          <strong>Declaring…</strong> Each step shows here as it finishes.
        </Alert>
      );
  }
}
