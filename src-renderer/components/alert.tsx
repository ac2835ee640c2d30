import type { ReactNode } from 'react';
import { CheckIcon, CloudOffIcon, InfoIcon, WarningIcon } from './icons.js';

type Tone = 'info' | 'success' | 'warning' | 'error' | 'offline';

const ICONS: Record<Tone, () => ReactNode> = {
  info: InfoIcon,
  success: CheckIcon,
  warning: WarningIcon,
  error: WarningIcon,
  offline: CloudOffIcon,
};

/** A banner; errors interrupt a screen reader (role=alert), everything else is announced politely. */
export function Alert({ tone, children, className }: { tone: Tone; children: ReactNode; className?: string }) {
  const Glyph = ICONS[tone];
  return (
    <div className={`alert alert-${tone}${className ? ` ${className}` : ''}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Glyph />
      <div className="alert-body">{children}</div>
    </div>
  );
}
