import { useRef } from 'react';
import type { MyPage } from '../../../src-shared/bridge.js';
import { BellIcon } from '../../components/icons.js';
import { useFocusRescue } from '../../lib/use-focus-rescue.js';
import { useNow } from '../../lib/use-now.js';
import { usePageActions } from '../../store/page-action-store.js';
import { PageRow } from './page-row.js';

/**
 * PagerDuty incidents assigned to me (`watch.pages`, newest first as main keeps them), above the
 * team's incidents: a page is the most urgent thing the popover can show. A row leaves when main's
 * next snapshot no longer has the page. Drawn only when there is a page (the focus rescue watches
 * the list it finds when it mounts).
 */
export function PagedSection({ pages }: { pages: readonly MyPage[] }) {
  const now = useNow();
  const listRef = useRef<HTMLUListElement>(null);
  const pending = usePageActions((s) => s.pending);
  useFocusRescue(listRef, [pages, pending]);
  // Red while something waits for an acknowledgement; calm once all of them are acknowledged.
  const waiting = pages.some((page) => page.status === 'triggered');
  return (
    <section className={waiting ? 'paged has-triggered' : 'paged'} aria-labelledby="paged-title">
      <h2 id="paged-title" className="paged-head">
        <BellIcon />
        <span className="paged-title">Paged</span>
        <span className="paged-count">{pages.length}</span>
      </h2>
      <ul ref={listRef} className="paged-list">
        {pages.map((page) => (
          <PageRow key={page.id} page={page} now={now} />
        ))}
      </ul>
    </section>
  );
}
