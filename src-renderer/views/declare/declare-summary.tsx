import type { DeclareProgress } from '../../../src-shared/domain.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { StepStatusIcon } from '../../components/step-status-icon.js';

/**
 * The reserved name, first: it is the "name" step, done as soon as main wrote the intent, and it is
 * what people say out loud ("we're in inc-…") while the other steps are still on their way.
 */
export function DeclareSummary({ declare }: { declare: DeclareProgress }) {
  return (
    <section className="result-summary" aria-labelledby="result-name">
      <p className="result-kicker">
        <StepStatusIcon status="done" />
        Name reserved
      </p>
      <h2 id="result-name" className="result-name">
        {declare.name}
      </h2>
      <p className="result-title">
        <SeverityBadge severity={declare.severity} />
        <span>{declare.title}</span>
      </p>
      {declare.service ? <p className="result-service">Service: {declare.service}</p> : null}
    </section>
  );
}
