import { describe, expect, it } from 'vitest';
import {
  baseIncidentName,
  SLACK_CHANNEL_NAME_MAX,
  slugify,
  uniqueIncidentName,
} from '../../src-main/core/declare/incident-name.js';

const at = new Date('2026-11-24T10:00:00Z');
const SLACK_NAME = /^[a-z0-9_-]{1,80}$/;

describe('incident names', () => {
  it('reads like the design example', () => {
    expect(baseIncidentName('Checkout 5xx', 'SEV2', at)).toBe('inc-20261124-checkout-5xx');
  });

  it('strips accents and collapses punctuation', () => {
    expect(slugify('  Café  ÉCHEC -- paiement!!  ')).toBe('cafe-echec-paiement');
  });

  it.each([
    ['emoji only', '🔥🔥🔥'],
    ['CJK', '支付服务中断'],
    ['RTL', 'انقطاع الخدمة'],
    ['only punctuation', '?!…—//'],
  ])('falls back to the severity for %s titles, still a valid Slack name', (_label, title) => {
    const name = baseIncidentName(title, 'SEV1', at);
    expect(name).toBe('inc-20261124-sev1');
    expect(name).toMatch(SLACK_NAME);
  });

  it('keeps mixed titles readable', () => {
    expect(baseIncidentName('DB 🔥 down in 東京', 'SEV1', at)).toBe('inc-20261124-db-down-in');
  });

  it('stays within Slack limits for a 10,000-character title, with room for a suffix', () => {
    const name = baseIncidentName('a very long title '.repeat(600), 'SEV3', at);
    expect(name).toMatch(SLACK_NAME);
    expect(name.length).toBeLessThanOrEqual(SLACK_CHANNEL_NAME_MAX - 4);
    expect(name.endsWith('-')).toBe(false);
    expect(`${name}-999`.length).toBeLessThanOrEqual(SLACK_CHANNEL_NAME_MAX);
  });

  it('suffixes on collision', () => {
    const taken = new Set(['inc-x', 'inc-x-2']);
    expect(uniqueIncidentName('inc-x', (n) => taken.has(n))).toBe('inc-x-3');
    expect(uniqueIncidentName('inc-y', (n) => taken.has(n))).toBe('inc-y');
  });
});
