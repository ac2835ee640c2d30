import { SEVERITY_MEANINGS, type Severity } from '../../src-shared/domain.js';

/** SEV1 red through SEV5 grey; the meaning is the tooltip so a badge explains itself. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`sev-badge sev-${severity.toLowerCase()}`} title={SEVERITY_MEANINGS[severity]}>
      {severity}
    </span>
  );
}
