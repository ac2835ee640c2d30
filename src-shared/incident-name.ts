// Human-readable incident names (DESIGN.md §3): `inc-20261124-checkout-5xx`. They double as Slack
// channel names, so they follow Slack's rules: lowercase a-z, 0-9, '-' and '_', at most 80 characters.
import type { Severity } from './domain.js';

export const SLACK_CHANNEL_NAME_MAX = 80;
/** Room kept at the end for a collision suffix such as `-12`. */
const SUFFIX_ROOM = 4;

/** Latin letters with accents become plain ones; anything else that is not a-z0-9 becomes a dash. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function datePart(at: Date): string {
  return at.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The base name for a title. Titles with nothing Latin in them (emoji, CJK, RTL scripts, punctuation)
 * fall back to the severity so that every title yields a valid, still meaningful name.
 */
export function baseIncidentName(title: string, severity: Severity, at: Date): string {
  const prefix = `inc-${datePart(at)}-`;
  const room = SLACK_CHANNEL_NAME_MAX - prefix.length - SUFFIX_ROOM;
  const slug = slugify(title).slice(0, room).replace(/-+$/, '');
  return prefix + (slug.length > 0 ? slug : severity.toLowerCase());
}

/** The first of base, base-2, base-3 … that `isTaken` does not claim. */
export function uniqueIncidentName(base: string, isTaken: (name: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
  throw new Error(`no free incident name left for ${base}`);
}
