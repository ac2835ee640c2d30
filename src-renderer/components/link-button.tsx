import { useState, type ReactNode } from 'react';
import { getBridge } from '../bridge.js';
import { ExternalIcon } from './icons.js';

interface LinkButtonProps {
  url: string;
  children: ReactNode;
  /** A fuller name for assistive tech when the visible text is short, e.g. "Slack channel of inc-…". */
  label?: string;
  className?: string;
  /** -1 keeps it out of the Tab order where a list moves focus itself (roving tabindex). */
  tabIndex?: number;
}

/**
 * Opens a Slack / PagerDuty / hub link in the OS browser through main (`link.open`), which decides
 * what may be opened. The renderer never navigates anywhere itself.
 */
export function LinkButton({ url, children, label, className, tabIndex }: LinkButtonProps) {
  const [error, setError] = useState<string>();
  const open = async () => {
    const result = await getBridge().invoke('link.open', { url });
    setError(result.ok ? undefined : result.error.message);
  };
  return (
    <span className="link-button-wrap">
      <button type="button" className={`btn btn-link ${className ?? ''}`} aria-label={label} title={url} tabIndex={tabIndex} onClick={() => void open()}>
        {children}
        <ExternalIcon />
      </button>
      {error ? (
        <span className="link-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
