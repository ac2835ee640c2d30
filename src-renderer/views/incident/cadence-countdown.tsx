import { useEffect, useState } from 'react';
import { countdownTo } from '../../lib/format-countdown.js';
import { useNow } from '../../lib/use-now.js';

/**
 * The time to this incident's next status update, ticking every second; red once overdue. The
 * ticking text is not announced (it would talk every second); turning overdue is, once.
 */
export function CadenceCountdown({ dueAt }: { dueAt: string }) {
  const now = useNow(1_000);
  const countdown = countdownTo(dueAt, now);
  const overdue = countdown?.overdue ?? false;
  const [announced, setAnnounced] = useState('');
  useEffect(() => setAnnounced(overdue ? 'The next status update is overdue.' : ''), [overdue]);
  if (!countdown) return null;
  return (
    <>
      <span className={overdue ? 'detail-countdown is-overdue' : 'detail-countdown'} data-overdue={overdue}>
        {overdue ? 'Overdue ' : 'Next update in '}
        <span className="detail-countdown-clock">{countdown.clock}</span>
      </span>
      <span className="visually-hidden" role="status">
        {announced}
      </span>
    </>
  );
}
