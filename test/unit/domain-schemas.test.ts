import { describe, expect, it } from 'vitest';
import { declareRequestSchema, incidentSchema, TITLE_MAX } from '../../src-shared/domain.js';
import { describeZodError } from '../../src-shared/result.js';

const errorOf = (input: unknown) => {
  const parsed = declareRequestSchema.safeParse(input);
  if (parsed.success) throw new Error('expected a validation error');
  return describeZodError(parsed.error);
};

describe('declare request validation', () => {
  it('accepts and trims a good request with a unicode title', () => {
    const parsed = declareRequestSchema.parse({ title: '  支付 down 🔥 ', severity: 'SEV2', service: ' checkout ' });
    expect(parsed).toEqual({ title: '支付 down 🔥', severity: 'SEV2', service: 'checkout' });
  });

  it('refuses empty and whitespace-only titles with a readable message', () => {
    expect(errorOf({ title: '   ', severity: 'SEV1' })).toBe('title: title must not be empty');
    expect(errorOf({ severity: 'SEV1' })).toContain('title is required');
  });

  it('refuses overlong titles', () => {
    expect(errorOf({ title: 'x'.repeat(TITLE_MAX + 1), severity: 'SEV1' })).toContain(`at most ${TITLE_MAX}`);
    expect(errorOf({ title: 'x'.repeat(10_000), severity: 'SEV1' })).toContain('title');
  });

  it('names the allowed severities when given an unknown one', () => {
    expect(errorOf({ title: 't', severity: 'SEV9' })).toBe('severity: severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5 (got "SEV9")');
    expect(errorOf({ title: 't', severity: 'sev1' })).toContain('got "sev1"');
    expect(errorOf({ title: 't' })).toBe('severity: choose a severity: SEV1, SEV2, SEV3, SEV4, SEV5');
  });

  it('refuses unknown fields instead of ignoring them', () => {
    expect(errorOf({ title: 't', severity: 'SEV1', pager: true })).toContain('pager');
  });
});

describe('incident schema', () => {
  const incident = {
    id: '01',
    name: 'inc-20261124-x',
    title: 'x',
    severity: 'SEV1',
    status: 'investigating',
    declaredBy: 'a@example.com',
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    links: { slack: 'https://example.slack.com/archives/C1' },
  };
  it('accepts the record of DESIGN.md §4', () => {
    expect(incidentSchema.parse(incident)).toEqual(incident);
  });
  it('refuses an unknown status and a non-ISO time', () => {
    expect(incidentSchema.safeParse({ ...incident, status: 'closed' }).success).toBe(false);
    expect(incidentSchema.safeParse({ ...incident, createdAt: 'yesterday' }).success).toBe(false);
  });
});
