// The declare form: what the person typed, what is wrong with it (checked with the same zod schema
// main uses), and the submit. Main answers as soon as the intent is in its outbox; from then on the
// declare's live state lives in the progress store, under the id kept here.
import { create } from 'zustand';
import {
  declareRequestSchema,
  DESCRIPTION_MAX,
  TITLE_MAX,
  type Severity,
} from '../../src-shared/domain.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';
import { useDeclareProgress } from './declare-progress-store.js';

export interface DeclareDraft {
  title: string;
  severity: Severity | undefined;
  service: string;
  description: string;
}
export type DeclareField = keyof DeclareDraft;
export type DeclareFieldErrors = Partial<Record<DeclareField, string>>;

const EMPTY_DRAFT: DeclareDraft = { title: '', severity: undefined, service: '', description: '' };
const FIELDS: readonly DeclareField[] = ['title', 'severity', 'service', 'description'];
const isField = (key: unknown): key is DeclareField => FIELDS.includes(key as DeclareField);

/** The request as the schema expects it: blank optional fields left out rather than sent empty. */
function toRequest(draft: DeclareDraft): Record<string, unknown> {
  const request: Record<string, unknown> = { title: draft.title, severity: draft.severity };
  if (draft.service.trim()) request.service = draft.service;
  if (draft.description.trim()) request.description = draft.description;
  return request;
}

/** The schema speaks in log style ("title must not be empty"); the form speaks in sentences. */
const asSentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;

export function validateDraft(draft: DeclareDraft): DeclareFieldErrors {
  const parsed = declareRequestSchema.safeParse(toRequest(draft));
  if (parsed.success) return {};
  const errors: DeclareFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field) && errors[field] === undefined) errors[field] = asSentence(issue.message);
  }
  // The schema's wording is made for logs ("got undefined"); nobody picking nothing needs that.
  if (draft.severity === undefined) errors.severity = 'Choose a severity.';
  return errors;
}

/** Before the first submit only limits already broken are worth interrupting someone for. */
function limitErrors(draft: DeclareDraft, errors: DeclareFieldErrors): DeclareFieldErrors {
  const shown: DeclareFieldErrors = {};
  if (draft.title.trim().length > TITLE_MAX && errors.title) shown.title = errors.title;
  if (draft.description.trim().length > DESCRIPTION_MAX && errors.description) shown.description = errors.description;
  return shown;
}

interface DeclareState {
  draft: DeclareDraft;
  fieldErrors: DeclareFieldErrors;
  /** Set once a submit was tried: from then on every field is checked as it changes. */
  attempted: boolean;
  submitting: boolean;
  serverError: AppError | undefined;
  /** The declare this window submitted; its steps are in the progress store. */
  declaredId: string | undefined;
  setField<K extends DeclareField>(field: K, value: DeclareDraft[K]): void;
  submit(): Promise<void>;
  /** Clears the form and forgets the declare, for "Declare another" and leaving the window. */
  reset(): void;
}

const initial = () => ({
  draft: { ...EMPTY_DRAFT },
  fieldErrors: {},
  attempted: false,
  submitting: false,
  serverError: undefined,
  declaredId: undefined,
});

export const useDeclare = create<DeclareState>()((set, get) => ({
  ...initial(),
  setField(field, value) {
    const draft = { ...get().draft, [field]: value };
    const errors = validateDraft(draft);
    set({ draft, fieldErrors: get().attempted ? errors : limitErrors(draft, errors), serverError: undefined });
  },
  async submit() {
    // One declare per click, however impatient the clicking: nothing is ever done twice.
    if (get().submitting || get().declaredId) return;
    const { draft } = get();
    const errors = validateDraft(draft);
    set({ attempted: true, fieldErrors: errors, serverError: undefined });
    if (Object.keys(errors).length > 0) return;
    const request = declareRequestSchema.parse(toRequest(draft));
    set({ submitting: true });
    const answer = await getBridge().invoke('incident.declare', request);
    if (!answer.ok) {
      set({ submitting: false, serverError: answer.error });
      return;
    }
    // The id is new to this window, so any push for it that came first is newer than this answer.
    useDeclareProgress.getState().adopt(answer.value, 0);
    set({ ...initial(), declaredId: answer.value.id });
  },
  reset() {
    if (!get().submitting) set(initial());
  },
}));
