// "Post status update" (issue #7): the message being written, an optional status change that goes
// with it, and what main did with the last one (hub record, Slack channel post, digest post). The
// text is kept until the hub has recorded the update: a refusal or a failed record loses nothing.
import { create } from 'zustand';
import {
  postUpdateInputSchema,
  type ActionResult,
  type PostUpdateInput,
} from '../../src-shared/incident-actions.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';
import { useIncidentDetail } from './incident-detail-store.js';
import { asSentence } from './incident-messages.js';

export type UpdateStatus = NonNullable<PostUpdateInput['status']>;

interface IncidentUpdateState {
  incidentId: string | undefined;
  message: string;
  /** '' keeps the status as it is. */
  status: UpdateStatus | '';
  posting: boolean;
  /** What is wrong with the message, checked before anything is sent. */
  messageError: string | undefined;
  /** Main refused the update, or could not be reached. */
  error: AppError | undefined;
  /** What the last posted update did, step by step. */
  result: ActionResult | undefined;
  forIncident(id: string): void;
  setMessage(message: string): void;
  setStatus(status: UpdateStatus | ''): void;
  post(): Promise<void>;
}

const initial = () => ({
  message: '',
  status: '' as const,
  posting: false,
  messageError: undefined,
  error: undefined,
  result: undefined,
});

const hubRecorded = (result: ActionResult) => result.steps.some((step) => step.step === 'hub' && step.status === 'done');

export const useIncidentUpdate = create<IncidentUpdateState>()((set, get) => ({
  incidentId: undefined,
  ...initial(),
  forIncident(id) {
    if (get().incidentId !== id) set({ incidentId: id, ...initial() });
  },
  setMessage(message) {
    // An error about the old text goes once the text changes; the live counter says the rest.
    set({ message, messageError: undefined });
  },
  setStatus(status) {
    set({ status });
  },
  async post() {
    const { incidentId: id, message, status, posting } = get();
    if (!id || posting) return;
    const parsed = postUpdateInputSchema.safeParse({ id, message, ...(status ? { status } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'message') ?? parsed.error.issues[0];
      set({ messageError: asSentence(issue?.message ?? 'the update cannot be posted'), error: undefined });
      return;
    }
    set({ posting: true, messageError: undefined, error: undefined, result: undefined });
    const answer = await getBridge().invoke('incident.postUpdate', parsed.data);
    if (get().incidentId !== id) return;
    if (!answer.ok) {
      set({ posting: false, error: answer.error });
      return;
    }
    // Recorded: the text is said, the form is ready for the next one. Not recorded: keep it to retry.
    set(hubRecorded(answer.value) ? { posting: false, result: answer.value, message: '', status: '' } : { posting: false, result: answer.value });
    void useIncidentDetail.getState().load();
  },
}));
