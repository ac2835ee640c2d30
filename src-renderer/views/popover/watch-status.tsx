import type { WatchState } from '../../../src-shared/bridge.js';
import { MoonIcon, OnCallIcon } from '../../components/icons.js';
import { describeOnCall } from '../../lib/format-on-call.js';
import { plural } from '../../lib/labels.js';
import { useNow } from '../../lib/use-now.js';

/**
 * The line under the header: my on-call time ("On call until 18:00", "Next on call Tue 09:00") and
 * what the quiet setting held back ("3 updates held while quiet"). Nothing when neither applies.
 */
export function WatchStatus({ watch }: { watch: WatchState }) {
  const now = useNow();
  const onCall = describeOnCall(watch.onCall, now);
  const held = watch.heldWhileQuiet;
  if (!onCall && held === 0) return null;
  return (
    <div className="watch-status">
      {onCall ? (
        <span className={onCall.now ? 'on-call is-now' : 'on-call'} title={onCall.detail}>
          <OnCallIcon />
          <span className="on-call-text">{onCall.text}</span>
        </span>
      ) : null}
      {held > 0 ? (
        <span className="held-while-quiet" title="Shown when quiet ends">
          <MoonIcon />
          {`${plural(held, 'update', 'updates')} held while quiet`}
        </span>
      ) : null}
    </div>
  );
}
