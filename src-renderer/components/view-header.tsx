import type { ReactNode } from 'react';
import { BackIcon } from './icons.js';

interface ViewHeaderProps {
  title: string;
  /** Shown as a back button to the popover when given (the harness's single page; app windows have a frame). */
  onBack?: () => void;
  children?: ReactNode;
}

export function ViewHeader({ title, onBack, children }: ViewHeaderProps) {
  return (
    <header className="view-header">
      {onBack ? (
        <button type="button" className="btn btn-icon" aria-label="Back" title="Back to incidents (Esc)" onClick={onBack}>
          <BackIcon />
        </button>
      ) : null}
      <h1 className="view-title">{title}</h1>
      {children ? <div className="view-header-actions">{children}</div> : null}
    </header>
  );
}
