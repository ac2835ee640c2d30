// Settings as the rest of the core reads them: defaults ← settings file ← environment, validated.
// A broken settings file never stops the app: it falls back to defaults and says what was wrong.
import { describeZodError } from '../../../src-shared/result.js';
import {
  DEFAULT_SETTINGS,
  SECRET_NAMES,
  settingsSchema,
  type SecretName,
  type Settings,
  type SettingsPatch,
  type SettingsView,
} from '../../../src-shared/settings.js';
import type { SecretStore, SettingsFile } from '../ports.js';
import { applyEnvironment, secretFromEnvironment, withoutEnvironment } from './environment.js';

export class SettingsError extends Error {}

/** Fills what a (possibly older) settings file lacks from the defaults, one section deep. */
function withDefaults(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_SETTINGS;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(raw)) {
    const base = (DEFAULT_SETTINGS as Record<string, unknown>)[key];
    merged[key] =
      base && typeof base === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...base, ...value }
        : value;
  }
  return merged;
}

/** Cached settings are shared by every reader: frozen, so that no reader can change them for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class SettingsService {
  private fileProblem: string | undefined;
  /**
   * Read once and kept until a save or `reload()`: a declare reads the settings dozens of times, and
   * each read would parse and validate the file again (the declare benchmark found it on the
   * critical path). Secrets are kept too: reading them may mean decrypting (safeStorage).
   */
  private cache: { stored?: Settings; effective?: Settings; secrets: Map<SecretName, string | undefined> } = { secrets: new Map() };

  constructor(
    private readonly file: SettingsFile,
    private readonly secrets: SecretStore,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Forgets what was read: the next read goes to the file and the secret store again. */
  reload(): void {
    this.cache = { secrets: new Map() };
  }

  /** The settings from the file alone (what the settings window edits). */
  stored(): Settings {
    if (this.cache.stored) return this.cache.stored;
    const parsed = settingsSchema.safeParse(withDefaults(this.file.read()));
    if (parsed.success) {
      this.fileProblem = undefined;
      return (this.cache.stored = deepFreeze(parsed.data));
    }
    this.fileProblem = `settings file ${this.file.path} is invalid (${describeZodError(parsed.error)}); using defaults`;
    return (this.cache.stored = deepFreeze(structuredClone(DEFAULT_SETTINGS)));
  }

  /** The settings in force: the file with environment variables laid over. */
  effective(): Settings {
    if (this.cache.effective) return this.cache.effective;
    const { settings } = applyEnvironment(this.stored(), this.env);
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) throw new SettingsError(`environment settings are invalid: ${describeZodError(parsed.error)}`);
    return (this.cache.effective = deepFreeze(parsed.data));
  }

  problem(): string | undefined {
    return this.fileProblem;
  }

  secret(name: SecretName): string | undefined {
    if (!this.cache.secrets.has(name)) this.cache.secrets.set(name, secretFromEnvironment(name, this.env) ?? this.secrets.get(name));
    return this.cache.secrets.get(name);
  }

  /** Every secret value in force, for the redacting logger. */
  knownSecrets(): string[] {
    return SECRET_NAMES.map((n) => this.secret(n)).filter((v): v is string => v !== undefined);
  }

  view(): SettingsView {
    const stored = this.stored();
    const { settings, overridden } = applyEnvironment(stored, this.env);
    const protection = this.secrets.protection();
    const view: SettingsView = {
      settings,
      secrets: Object.fromEntries(
        SECRET_NAMES.map((n) => [n, { set: this.secret(n) !== undefined, fromEnvironment: secretFromEnvironment(n, this.env) !== undefined }]),
      ) as SettingsView['secrets'],
      environmentOverrides: overridden,
    };
    const warning = [protection.warning, this.fileProblem].filter(Boolean).join(' ');
    if (warning) view.secretStorageWarning = warning;
    return view;
  }

  save(patch: SettingsPatch): SettingsView {
    this.reload();
    if (patch.settings) {
      const parsed = settingsSchema.safeParse(patch.settings);
      if (!parsed.success) throw new SettingsError(describeZodError(parsed.error));
      const { overridden } = applyEnvironment(parsed.data, this.env);
      this.file.write(withoutEnvironment(parsed.data, this.stored(), overridden));
    }
    for (const [name, value] of Object.entries(patch.secrets ?? {}) as [SecretName, string | null | undefined][]) {
      if (value === undefined) continue;
      if (value === null) this.secrets.delete(name);
      else this.secrets.set(name, value);
    }
    this.reload();
    return this.view();
  }
}

