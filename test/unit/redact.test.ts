import { describe, expect, it } from 'vitest';
import { createRedactingLogger, redactText } from '../../src-main/core/redact.js';

describe('redaction', () => {
  it('removes known secrets and token-shaped text', () => {
    const text = 'calling with xoxb-123-456-abc and Bearer it_abcdefghijklmnopqrstu and mysecretvalue';
    const out = redactText(text, ['mysecretvalue']);
    expect(out).not.toContain('xoxb-123');
    expect(out).not.toContain('it_abcdefghijklmnop');
    expect(out).not.toContain('mysecretvalue');
  });

  it('redacts secret-named fields at any depth in a log line', () => {
    const lines: string[] = [];
    const logger = createRedactingLogger((l) => lines.push(l), () => ['pd-token-value']);
    logger.info('request failed', { headers: { Authorization: 'Token token=pd-token-value' }, note: 'uses pd-token-value', slackToken: 'xoxb-1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('pd-token-value');
    expect(lines[0]).not.toContain('xoxb-1');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', message: 'request failed', slackToken: '[redacted]' });
  });
});
