import type { ReactNode } from 'react';
import { LockIcon, CloudOffIcon } from './icons.js';

interface FatalScreenProps {
  kind: 'unauthorised' | 'unavailable';
  title: string;
  children: ReactNode;
  action?: ReactNode;
}

/** When nothing else can be shown: the page may not talk to main, or main cannot be reached. */
export function FatalScreen({ kind, title, children, action }: FatalScreenProps) {
  return (
    <main className="fatal" role="alert">
      <div className="fatal-icon">{kind === 'unauthorised' ? <LockIcon /> : <CloudOffIcon />}</div>
      <h1 className="fatal-title">{title}</h1>
      <div className="fatal-body">{children}</div>
      {action}
    </main>
  );
}
