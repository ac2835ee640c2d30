// The settings window: the view main sent (never a secret value, only whether each is set), the draft
// being edited, the write-only secret entries, saving, and the "Test connection" answers.
import { create } from 'zustand';
import type { Severity } from '../../src-shared/domain.js';
import type { AppError } from '../../src-shared/result.js';
import {
  settingsSchema,
  type ConnectionCheck,
  type ConnectionTarget,
  type SecretName,
  type SettingsPatch,
  type SettingsView,
} from '../../src-shared/settings.js';
import { getBridge } from '../bridge.js';
import type { CadenceMinutesField, CadenceRuleDraft } from '../lib/settings-cadence-form.js';
import { describeProblem, draftFromSettings, settingsFromDraft, type SettingsDraft, type TextSettingPath } from '../lib/settings-form.js';

/** A secret being edited: a new value to set, or null to clear the stored one. */
export type SecretEdits = Partial<Record<SecretName, string | null>>;
export type ConnectionState = ConnectionCheck | { target: ConnectionTarget; state: 'checking'; message: string };

interface SettingsState {
  view: SettingsView | undefined;
  draft: SettingsDraft | undefined;
  secretEdits: SecretEdits;
  /** Bumped after each save so the password inputs are emptied (remounted) and forget what was typed. */
  secretGeneration: number;
  /** Problems per setting path, e.g. { "slack.apiUrl": "must be an http(s) URL" }. */
  fieldErrors: Record<string, string>;
  loadError: AppError | undefined;
  saveError: AppError | undefined;
  loading: boolean;
  saving: boolean;
  saved: boolean;
  dirty: boolean;
  checks: Partial<Record<ConnectionTarget, ConnectionState>>;
  load(): Promise<void>;
  setText(path: TextSettingPath, value: string): void;
  setPaging(severity: Severity, page: boolean): void;
  /** Off keeps the minutes in the draft, so turning a severity back on restores them. */
  setRemind(severity: Severity, remind: boolean): void;
  setCadenceMinutes(severity: Severity, field: CadenceMinutesField, value: string): void;
  setStaleDays(value: string): void;
  setQuiet(quiet: boolean): void;
  setSecret(name: SecretName, value: string): void;
  clearSecret(name: SecretName): void;
  keepSecret(name: SecretName): void;
  save(): Promise<void>;
  testConnection(target: ConnectionTarget): Promise<void>;
}

function validate(view: SettingsView, draft: SettingsDraft) {
  const parsed = settingsSchema.safeParse(settingsFromDraft(view.settings, draft));
  if (parsed.success) return { settings: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= describeProblem(path, issue.message);
  }
  return { settings: undefined, errors };
}

function editRule(draft: SettingsDraft, severity: Severity, change: Partial<CadenceRuleDraft>): SettingsDraft {
  const rule = { ...draft.cadence.perSeverity[severity], ...change };
  return { ...draft, cadence: { ...draft.cadence, perSeverity: { ...draft.cadence.perSeverity, [severity]: rule } } };
}

export const useSettings = create<SettingsState>()((set, get) => {
  /** Applies an edit of the draft and re-checks only the fields that already showed a problem. */
  const edit = (change: (draft: SettingsDraft) => SettingsDraft) => {
    const { view, draft, fieldErrors } = get();
    if (!view || !draft) return;
    const next = change(draft);
    const { errors } = validate(view, next);
    const stillWrong = Object.fromEntries(Object.entries(errors).filter(([path]) => path in fieldErrors));
    set({ draft: next, fieldErrors: stillWrong, saved: false, dirty: true, saveError: undefined });
  };
  const editSecret = (name: SecretName, value: string | null | undefined) => {
    const secretEdits = { ...get().secretEdits };
    if (value === undefined) delete secretEdits[name];
    else secretEdits[name] = value;
    set({ secretEdits, saved: false, dirty: true, saveError: undefined });
  };

  return {
    view: undefined,
    draft: undefined,
    secretEdits: {},
    secretGeneration: 0,
    fieldErrors: {},
    loadError: undefined,
    saveError: undefined,
    loading: false,
    saving: false,
    saved: false,
    dirty: false,
    checks: {},
    async load() {
      set({ loading: true });
      const result = await getBridge().invoke('settings.get', null);
      if (result.ok) {
        set({
          view: result.value,
          draft: draftFromSettings(result.value.settings),
          secretEdits: {},
          fieldErrors: {},
          loadError: undefined,
          dirty: false,
          saved: false,
        });
      } else set({ loadError: result.error });
      set({ loading: false });
    },
    setText: (path, value) => edit((d) => ({ ...d, text: { ...d.text, [path]: value } })),
    setPaging: (severity, page) => edit((d) => ({ ...d, paging: { ...d.paging, [severity]: page } })),
    setRemind: (severity, remind) => edit((d) => editRule(d, severity, { remind })),
    setCadenceMinutes: (severity, field, value) => edit((d) => editRule(d, severity, { [field]: value })),
    setStaleDays: (value) => edit((d) => ({ ...d, cadence: { ...d.cadence, staleAfterDays: value } })),
    setQuiet: (quiet) => edit((d) => ({ ...d, quiet })),
    setSecret: (name, value) => editSecret(name, value.trim() === '' ? undefined : value),
    clearSecret: (name) => editSecret(name, null),
    keepSecret: (name) => editSecret(name, undefined),
    async save() {
      const { view, draft, secretEdits, saving } = get();
      if (!view || !draft || saving) return;
      const { settings, errors } = validate(view, draft);
      if (!settings) {
        set({ fieldErrors: errors, saved: false });
        return;
      }
      const patch: SettingsPatch = { settings };
      const secrets = Object.fromEntries(
        Object.entries(secretEdits).map(([name, value]) => [name, typeof value === 'string' ? value.trim() : value]),
      );
      if (Object.keys(secrets).length > 0) patch.secrets = secrets;
      set({ saving: true, fieldErrors: {}, saveError: undefined });
      const result = await getBridge().invoke('settings.save', patch);
      if (result.ok) {
        set((state) => ({
          view: result.value,
          draft: draftFromSettings(result.value.settings),
          secretEdits: {},
          secretGeneration: state.secretGeneration + 1,
          saving: false,
          saved: true,
          dirty: false,
          checks: {},
        }));
      } else set({ saving: false, saveError: result.error });
    },
    async testConnection(target) {
      set((state) => ({ checks: { ...state.checks, [target]: { target, state: 'checking', message: 'Checking…' } } }));
      const result = await getBridge().invoke('settings.testConnection', { target });
      const check: ConnectionCheck = result.ok ? result.value : { target, state: 'failed', message: result.error.message };
      set((state) => ({ checks: { ...state.checks, [target]: check } }));
    },
  };
});
