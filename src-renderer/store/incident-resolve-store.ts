// "Resolve" (issue #7): a confirmation with an optional closing message, then what main did (hub
// status, PagerDuty resolve of the incident the declare opened, Slack channel post, digest post).
import { create } from 'zustand';
import { resolveInputSchema, type ActionResult } from '../../src-shared/incident-actions.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';
import { useIncidentDetail } from './incident-detail-store.js';
import { asSentence } from './incident-messages.js';

interface IncidentResolveState {
  incidentId: string | undefined;
  confirming: boolean;
  message: string;
  resolving: boolean;
  messageError: string | undefined;
  error: AppError | undefined;
  result: ActionResult | undefined;
  forIncident(id: string): void;
  ask(): void;
  /** Closes the confirmation; the closing words stay for the next time it opens. */
  cancel(): void;
  setMessage(message: string): void;
  resolve(): Promise<void>;
}

const initial = () => ({
  confirming: false,
  message: '',
  resolving: false,
  messageError: undefined,
  error: undefined,
  result: undefined,
});

export const useIncidentResolve = create<IncidentResolveState>()((set, get) => ({
  incidentId: undefined,
  ...initial(),
  forIncident(id) {
    if (get().incidentId !== id) set({ incidentId: id, ...initial() });
  },
  ask() {
    set({ confirming: true, error: undefined, result: undefined });
  },
  cancel() {
    if (!get().resolving) set({ confirming: false, messageError: undefined, error: undefined });
  },
  setMessage(message) {
    set({ message, messageError: undefined });
  },
  async resolve() {
    const { incidentId: id, message, resolving } = get();
    if (!id || resolving) return;
    // The closing words are optional: blank means main's plain "resolved" line.
    const parsed = resolveInputSchema.safeParse({ id, ...(message.trim() ? { message } : {}) });
    if (!parsed.success) {
      set({ messageError: asSentence(parsed.error.issues[0]?.message ?? 'the message cannot be posted') });
      return;
    }
    set({ resolving: true, messageError: undefined, error: undefined });
    const answer = await getBridge().invoke('incident.resolve', parsed.data);
    if (get().incidentId !== id) return;
    if (!answer.ok) {
      set({ resolving: false, error: answer.error });
      return;
    }
    const recorded = answer.value.steps.some((step) => step.step === 'hub' && step.status === 'done');
    set(recorded ? { ...initial(), result: answer.value } : { resolving: false, result: answer.value });
    void useIncidentDetail.getState().load();
  },
}));
