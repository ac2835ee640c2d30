import type { MyPage } from '../../../src-shared/bridge.js';
import { LinkButton } from '../../components/link-button.js';
import { formatAge, formatTimestamp } from '../../lib/format-age.js';
import { PAGE_STATUS_LABELS } from '../../lib/labels.js';
import { usePageActions } from '../../store/page-action-store.js';

const BUSY_LABELS = { acknowledge: 'Acknowledging…', resolve: 'Resolving…' } as const;

/**
 * One PagerDuty incident assigned to me: status, title, service, age, and what I can do about it
 * without leaving the desktop. While a call runs, both buttons wait (acting twice makes no sense).
 * They wait as `aria-disabled`, not `disabled`: a disabled button loses the keyboard focus, and the
 * person who pressed Enter would find it somewhere else. The store ignores a press meanwhile.
 */
export function PageRow({ page, now }: { page: MyPage; now: number }) {
  const act = usePageActions((s) => s.act);
  const pending = usePageActions((s) => s.pending[page.id]);
  const error = usePageActions((s) => s.errors[page.id]);
  const triggered = page.status === 'triggered';
  // High urgency is the norm for a page; low is worth saying (it may wait for the morning).
  const lowUrgency = page.urgency === 'low';
  return (
    <li className={`page-row page-${page.status}`} data-row-key={page.id} data-page={page.id} aria-label={`${PAGE_STATUS_LABELS[page.status]}: ${page.title}`}>
      <div className="page-head">
        <span className={`page-badge page-badge-${page.status}`}>{PAGE_STATUS_LABELS[page.status]}</span>
        {page.service ? (
          <span className="page-service" title={page.service}>
            {page.service}
          </span>
        ) : (
          <span className="page-service" />
        )}
        {lowUrgency ? <span className="page-urgency">Low urgency</span> : null}
        <time className="page-age" dateTime={page.createdAt} title={`Opened ${formatTimestamp(page.createdAt)}`}>
          {formatAge(page.createdAt, now)}
        </time>
      </div>
      <p className="page-title" title={page.title}>
        {page.title}
      </p>
      <div className="page-actions">
        {triggered ? (
          <button
            type="button"
            className="btn btn-small btn-primary"
            aria-label={`${pending === 'acknowledge' ? BUSY_LABELS.acknowledge : 'Acknowledge'} ${page.title}`}
            aria-disabled={pending !== undefined}
            onClick={() => void act(page.id, 'acknowledge')}
          >
            {pending === 'acknowledge' ? BUSY_LABELS.acknowledge : 'Acknowledge'}
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-small"
          aria-label={`${pending === 'resolve' ? BUSY_LABELS.resolve : 'Resolve'} ${page.title}`}
          aria-disabled={pending !== undefined}
          onClick={() => void act(page.id, 'resolve')}
        >
          {pending === 'resolve' ? BUSY_LABELS.resolve : 'Resolve'}
        </button>
        {page.url ? (
          <LinkButton url={page.url} label={`Open ${page.title} in PagerDuty`} className="page-link">
            Open in PagerDuty
          </LinkButton>
        ) : null}
      </div>
      {error ? (
        <p className="page-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </li>
  );
}
