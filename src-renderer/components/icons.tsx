// Small line icons drawn inline (no icon font, no remote images: the CSP allows neither). Every icon
// is decorative: the text or aria-label next to it carries the meaning.
import type { ReactNode } from 'react';

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const CheckIcon = () => (
  <Icon>
    <path d="M3.5 8.5l3 3 6-7" />
  </Icon>
);
export const CrossIcon = () => (
  <Icon>
    <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
  </Icon>
);
export const SkipIcon = () => (
  <Icon>
    <path d="M3 8h8M8.5 5l3 3-3 3M13 4.5v7" />
  </Icon>
);
export const NotConfiguredIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="5.5" strokeDasharray="2.2 2" />
  </Icon>
);
export const PendingIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 5.2V8l1.8 1.3" />
  </Icon>
);
export const SpinnerIcon = () => (
  <Icon className="icon-spin">
    <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" />
  </Icon>
);
export const ChevronIcon = () => (
  <Icon>
    <path d="M6 3.5L10.5 8 6 12.5" />
  </Icon>
);
export const BackIcon = () => (
  <Icon>
    <path d="M10 3.5L5.5 8l4.5 4.5" />
  </Icon>
);
export const GearIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="2.1" />
    <path d="M8 1.8v1.6M8 12.6v1.6M14.2 8h-1.6M3.4 8H1.8M12.4 3.6l-1.1 1.1M4.7 11.3l-1.1 1.1M12.4 12.4l-1.1-1.1M4.7 4.7L3.6 3.6" />
  </Icon>
);
export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);
/** A funnel: the popover's filter. */
export const FilterIcon = () => (
  <Icon>
    <path d="M2.5 3.5h11L9.25 8.6v3.9l-2.5 1.2V8.6z" />
  </Icon>
);

export const ExternalIcon = () => (
  <Icon>
    <path d="M9 3h4v4M13 3L7.5 8.5M11.5 9.5v3a.5.5 0 0 1-.5.5H3.5a.5.5 0 0 1-.5-.5V5a.5.5 0 0 1 .5-.5h3" />
  </Icon>
);
export const WarningIcon = () => (
  <Icon>
    <path d="M8 2.2L14.3 13H1.7L8 2.2z" />
    <path d="M8 6.3v3.1M8 11.3v.1" />
  </Icon>
);
export const InfoIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 7.3v3.9M8 4.9v.1" />
  </Icon>
);
export const CloudOffIcon = () => (
  <Icon>
    <path d="M4.5 12.5h7a2.8 2.8 0 0 0 .6-5.5 4 4 0 0 0-7.3-1.3A3.4 3.4 0 0 0 4.5 12.5zM2.5 2.5l11 11" />
  </Icon>
);
export const LockIcon = () => (
  <Icon>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Icon>
);
export const ShieldCheckIcon = () => (
  <Icon>
    <path d="M8 1.8l5 2v4c0 3.2-2.2 5.3-5 6.4-2.8-1.1-5-3.2-5-6.4v-4l5-2z" />
    <path d="M5.8 8l1.6 1.6 2.9-3.1" />
  </Icon>
);
export const BellIcon = () => (
  <Icon>
    <path d="M4 11.5V7.2a4 4 0 0 1 8 0v4.3l1 1H3l1-1zM6.6 14a1.5 1.5 0 0 0 2.8 0" />
  </Icon>
);
/** On call: a person with a signal. */
export const OnCallIcon = () => (
  <Icon>
    <circle cx="6.5" cy="5.5" r="2.3" />
    <path d="M2.5 13.5a4 4 0 0 1 8 0M11.8 3.2a3.3 3.3 0 0 1 0 4.6M13.4 1.8a5.4 5.4 0 0 1 0 7.4" />
  </Icon>
);
export const MoonIcon = () => (
  <Icon>
    <path d="M12.8 9.6A5.3 5.3 0 0 1 6.4 3.2a5.3 5.3 0 1 0 6.4 6.4z" />
  </Icon>
);
