import { useEffect, useRef } from 'react';
import { BackIcon } from '../../components/icons.js';

/**
 * Back to the list, and the incident's name as the page heading. The heading takes focus when the
 * view opens, so a screen reader says where the person is and Tab starts from the top of the view.
 */
export function DetailHeader({ title, onBack }: { title: string; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <header className="view-header detail-header">
      <button type="button" className="btn btn-icon" aria-label="Back to incidents" title="Back to incidents (Esc)" onClick={onBack}>
        <BackIcon />
      </button>
      <h1 ref={heading} tabIndex={-1} className="view-title detail-name" title={title}>
        {title}
      </h1>
    </header>
  );
}
