// Environment variables of DESIGN.md §5 override the settings file (and the secret store) so that a
// team can configure the CLI or a packaged app from its own secret manager.
import {
  SECRET_ENVIRONMENT_VARIABLES,
  SETTING_ENVIRONMENT_VARIABLES,
  type EnvironmentSettingPath,
  type SecretName,
  type Settings,
} from '../../../src-shared/settings.js';

type Section = Record<string, unknown>;
const split = (path: EnvironmentSettingPath) => path.split('.') as [keyof Settings, string];

/** Settings with environment values laid over them, and the paths that were overridden. */
export function applyEnvironment(settings: Settings, env: NodeJS.ProcessEnv): { settings: Settings; overridden: EnvironmentSettingPath[] } {
  const next: Settings = structuredClone(settings);
  const overridden: EnvironmentSettingPath[] = [];
  for (const [path, variable] of Object.entries(SETTING_ENVIRONMENT_VARIABLES) as [EnvironmentSettingPath, string][]) {
    const value = env[variable]?.trim();
    if (!value) continue;
    const [section, key] = split(path);
    (next[section] as Section)[key] = value;
    overridden.push(path);
  }
  return { settings: next, overridden };
}

/**
 * What to write to the settings file when the window saves `edited`: the window shows environment
 * values in overridden fields, and those must not leak into the file — keep the file's own value.
 */
export function withoutEnvironment(edited: Settings, stored: Settings, overridden: readonly EnvironmentSettingPath[]): Settings {
  const next: Settings = structuredClone(edited);
  for (const path of overridden) {
    const [section, key] = split(path);
    const original = (stored[section] as Section)[key];
    if (original === undefined) delete (next[section] as Section)[key];
    else (next[section] as Section)[key] = original;
  }
  return next;
}

export function secretFromEnvironment(name: SecretName, env: NodeJS.ProcessEnv): string | undefined {
  const value = env[SECRET_ENVIRONMENT_VARIABLES[name]]?.trim();
  return value ? value : undefined;
}
