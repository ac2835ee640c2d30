import { Alert } from '../../components/alert.js';
import { plural } from '../../lib/labels.js';

/** Declares in the outbox: they are safe and will finish when the network is back. */
export function PendingBanner({ count }: { count: number }) {
  return (
    <Alert tone="offline" className="pending-banner">
      <strong>{plural(count, 'declare', 'declares')} waiting for network.</strong> They finish on their own when the
      connection is back.
    </Alert>
  );
}
