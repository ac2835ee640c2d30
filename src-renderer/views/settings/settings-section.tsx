import type { ReactNode } from 'react';
import type { ConnectionTarget } from '../../../src-shared/settings.js';
import { ConnectionResult, ConnectionTestButton } from './connection-test.js';

interface SettingsSectionProps {
  id: string;
  title: string;
  /** The service "Test connection" checks, if the section configures one. */
  target?: ConnectionTarget;
  children: ReactNode;
}

export function SettingsSection({ id, title, target, children }: SettingsSectionProps) {
  const headingId = `section-${id}`;
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="section-title">
          {title}
        </h2>
        {target ? <ConnectionTestButton target={target} title={title} /> : null}
      </div>
      <div className="section-card">
        {children}
        {target ? <ConnectionResult target={target} /> : null}
      </div>
    </section>
  );
}
