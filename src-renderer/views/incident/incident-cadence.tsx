import type { IncidentTracking } from '../../../src-shared/incident-actions.js';
import { Alert } from '../../components/alert.js';
import { useIncidentCadence } from '../../store/incident-cadence-store.js';
import { useSnapshot } from '../../store/snapshot-store.js';
import { CadenceCountdown } from './cadence-countdown.js';
import { formatTimeOfDay } from './format-time.js';
import { SnoozeMenu } from './snooze-menu.js';

const ACTION_WORDS = { pin: 'pin', unpin: 'unpin', snooze: 'snooze', unsnooze: 'end the snooze of' } as const;

/**
 * Where this incident stands against its update cadence, from main's snapshot: the countdown, stale
 * and snoozed states, whether it is the active incident; Pin / Unpin and Snooze change that in main,
 * and the next snapshot shows it.
 */
export function IncidentCadence({ incidentId, now }: { incidentId: string; now: number }) {
  const tracking: IncidentTracking | undefined = useSnapshot((s) => s.snapshot?.tracking.find((t) => t.incidentId === incidentId));
  const active = useSnapshot((s) => (s.snapshot?.active?.incidentId === incidentId ? s.snapshot.active : undefined));
  const pending = useIncidentCadence((s) => s.pending);
  const failure = useIncidentCadence((s) => s.error);
  const pin = useIncidentCadence((s) => s.pin);
  const snooze = useIncidentCadence((s) => s.snooze);

  const snoozedUntil = tracking?.snoozedUntil && Date.parse(tracking.snoozedUntil) > now ? tracking.snoozedUntil : undefined;
  const pinned = active?.pinned === true;
  const remindable = tracking?.nextUpdateDueAt !== undefined || tracking?.staleSince !== undefined;
  return (
    <section className="detail-cadence" aria-label="Update cadence">
      <div className="detail-cadence-line">
        {tracking?.nextUpdateDueAt ? (
          <CadenceCountdown dueAt={tracking.nextUpdateDueAt} />
        ) : (
          <span className="detail-countdown is-none">No update reminders for this severity</span>
        )}
        {active ? (
          <span className="detail-active" title={pinned ? 'Pinned: its countdown drives the tray' : 'You command it: its countdown drives the tray'}>
            {pinned ? 'Pinned' : 'Active'}
          </span>
        ) : null}
      </div>
      {tracking?.staleSince ? (
        <p className="detail-cadence-note is-stale">Stale since {formatTimeOfDay(tracking.staleSince, now)}: still open after the stale limit</p>
      ) : null}
      {snoozedUntil ? <p className="detail-cadence-note">Reminders snoozed until {formatTimeOfDay(snoozedUntil, now)}</p> : null}
      <div className="detail-cadence-actions">
        <button
          type="button"
          className="btn btn-small"
          aria-disabled={pending !== undefined || undefined}
          onClick={() => pending === undefined && void pin(pinned ? null : incidentId)}
        >
          {pending === 'pin' ? 'Pinning…' : pending === 'unpin' ? 'Unpinning…' : pinned ? 'Unpin' : 'Pin as active'}
        </button>
        {snoozedUntil ? (
          <button
            type="button"
            className="btn btn-small"
            aria-disabled={pending !== undefined || undefined}
            onClick={() => pending === undefined && void snooze(incidentId, 0)}
          >
            {pending === 'unsnooze' ? 'Ending snooze…' : 'End snooze'}
          </button>
        ) : remindable ? (
          <SnoozeMenu busy={pending === 'snooze'} onSnooze={(minutes) => void snooze(incidentId, minutes)} />
        ) : null}
      </div>
      {failure ? (
        <Alert tone="error">
          Could not {ACTION_WORDS[failure.action]} this incident: {failure.error.message}
        </Alert>
      ) : null}
    </section>
  );
}
