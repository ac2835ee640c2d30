// The popover's one line about unfinished declares: "2 declares waiting for network",
// "1 declare needs attention · 1 waiting for network", "1 declare in progress".
import type { DeclareProgress } from '../../src-shared/domain.js';
import { declarePhase, type DeclarePhase } from './declare-phase.js';

export type OutboxTone = 'attention' | 'network' | 'working';

export interface OutboxSummary {
  /** The most pressing phase present: it picks the line's colour and icon. */
  tone: OutboxTone;
  /** "1 declare needs attention", "2 waiting for network": shown joined by " · ", each kept whole. */
  parts: string[];
  text: string;
  counts: Record<OutboxTone, number>;
}

const ORDER: readonly OutboxTone[] = ['attention', 'network', 'working'];

/** "needs" / "need" agree with the count that comes right before them. */
const PHRASES: Record<OutboxTone, (count: number) => string> = {
  attention: (count) => (count === 1 ? 'needs attention' : 'need attention'),
  network: () => 'waiting for network',
  working: () => 'in progress',
};

export function summariseOutbox(outbox: readonly DeclareProgress[]): OutboxSummary | undefined {
  const counts: Record<OutboxTone, number> = { attention: 0, network: 0, working: 0 };
  for (const declare of outbox) {
    const phase: DeclarePhase = declarePhase(declare);
    // A declare that finished between two snapshots has nothing left to say here.
    if (phase !== 'finished') counts[phase] += 1;
  }
  const present = ORDER.filter((tone) => counts[tone] > 0);
  const [first] = present;
  if (first === undefined) return undefined;
  const parts = present.map((tone, index) => {
    const count = counts[tone];
    // The noun once, on the first part: "1 declare needs attention · 2 waiting for network".
    const noun = index === 0 ? ` ${count === 1 ? 'declare' : 'declares'}` : '';
    return `${count}${noun} ${PHRASES[tone](count)}`;
  });
  return { tone: first, parts, text: parts.join(' · '), counts };
}
