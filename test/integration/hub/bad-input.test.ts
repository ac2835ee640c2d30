// Bad input of every kind gets a clear `{ error: { code, message } }` with the right status, and
// nothing is written: checked by counting rows in the file after each refusal.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HUB_LIST_LIMIT_MAX, HUB_UPDATE_MESSAGE_MAX } from '../../../src-shared/hub-api.js';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../../src-shared/domain.js';
import { hubErrorBodySchema } from '../../../src-shared/hub-api.js';
import { describeEachBackend, startTestHub, type TestHub } from './hub-fixture.js';

const valid = { title: 'Checkout 5xx', severity: 'SEV2' };

describeEachBackend('hub bad input', (backend) => {
  let hub: TestHub;
  let incidentId: string;
  let writes: () => Promise<number[]>;
  beforeAll(async () => {
    hub = await startTestHub({ bodyLimitBytes: 16 * 1024 }, backend);
    incidentId = ((await (await hub.create(valid)).json()) as { id: string }).id;
    writes = () => Promise.all([hub.count('incidents'), hub.count('events'), hub.count('incident_timeline'), hub.count('idempotency_keys')]);
  });
  afterAll(() => hub.close());

  const expectRefused = async (response: Response, status: number, code: string, message?: RegExp) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = hubErrorBodySchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    if (message) expect(body.error.message).toMatch(message);
  };

  const createCases: [string, { rawBody?: string; body?: unknown; headers?: Record<string, string> }, number, string, RegExp?][] = [
    ['malformed JSON', { rawBody: '{"title": "x", ' }, 400, 'invalid_json'],
    ['an empty JSON body', { rawBody: '' , headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['a JSON array', { body: [valid] }, 400, 'invalid_input'],
    ['a title of the wrong type', { body: { ...valid, title: 42 } }, 400, 'invalid_input', /title/],
    ['an unknown field', { body: { ...valid, declaredBy: 'mallory@example.com' } }, 400, 'invalid_input', /declaredBy/],
    ['an unknown field inside links', { body: { ...valid, links: { slack: 'https://x.slack.com', jira: 'https://x' } } }, 400, 'invalid_input', /jira/],
    ['an overlong title', { body: { ...valid, title: 'x'.repeat(TITLE_MAX + 1) } }, 400, 'invalid_input', /title must be at most/],
    ['an overlong description', { body: { ...valid, description: 'x'.repeat(DESCRIPTION_MAX + 1) } }, 400, 'invalid_input', /description/],
    ['an empty title', { body: { ...valid, title: '   ' } }, 400, 'invalid_input', /title must not be empty/],
    ['an invalid severity', { body: { ...valid, severity: 'SEV9' } }, 400, 'invalid_input', /severity must be one of SEV1/],
    ['a missing severity', { body: { title: 'x' } }, 400, 'invalid_input', /severity/],
    ['a non-URL link', { body: { ...valid, links: { slack: 'not a url' } } }, 400, 'invalid_input', /links/],
    ['a javascript: link', { body: { ...valid, links: { slack: 'javascript:alert(1)' } } }, 400, 'invalid_input', /links/],
    ['a name against Slack rules', { body: { ...valid, name: 'Has Spaces' } }, 400, 'invalid_input', /name/],
    ['an id unfit for a URL', { body: { ...valid, id: '../etc' } }, 400, 'invalid_input', /id/],
    ['prototype poisoning', { rawBody: '{"title":"x","severity":"SEV1","__proto__":{"admin":true}}' }, 400, 'invalid_json'],
    ['a text/plain body', { rawBody: 'title=x', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['a form body', { rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['a body over the size limit', { body: { ...valid, description: 'x'.repeat(20 * 1024) } }, 413, 'payload_too_large'],
  ];

  it.each(createCases)('create with %s → %s %s, nothing written', async (_name, init, status, code, message) => {
    const before = await writes();
    const response = await hub.call('/v1/incidents', { method: 'POST', ...init, headers: { 'idempotency-key': `bad-${_name.replace(/\W+/g, '-')}`, ...init.headers } });
    await expectRefused(response, status, code, message);
    expect(await writes()).toEqual(before);
  });

  it('create without an Idempotency-Key → 400 idempotency_key_required, nothing written', async () => {
    const before = await writes();
    await expectRefused(await hub.call('/v1/incidents', { method: 'POST', body: valid }), 400, 'idempotency_key_required');
    await expectRefused(await hub.call('/v1/incidents', { method: 'POST', body: valid, headers: { 'idempotency-key': 'x'.repeat(201) } }), 400, 'invalid_input');
    expect(await writes()).toEqual(before);
  });

  it.each([
    ['a status that does not exist', 'status=closed', 'invalid_input', /status must be one of open, resolved, all/],
    ['a limit above the maximum', `limit=${HUB_LIST_LIMIT_MAX + 1}`, 'invalid_input', /limit/],
    ['a limit of zero', 'limit=0', 'invalid_input', /limit/],
    ['a limit that is not a number', 'limit=ten', 'invalid_input', /limit/],
    ['an unknown query parameter', 'sort=asc', 'invalid_input', /sort/],
    ['a repeated parameter', 'status=open&status=all', 'invalid_input', /status/],
    ['a garbage cursor', 'cursor=%%%garbage', 'invalid_cursor', undefined],
    ['a made-up cursor', `cursor=${Buffer.from(JSON.stringify(['open', '2030-01-01T00:00:00.000Z', 'x'])).toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`, 'invalid_cursor', undefined],
  ])('list with %s → 400 %s', async (_name, query, code, message) => {
    await expectRefused(await hub.call(`/v1/incidents?${query}`), 400, code, message);
  });

  it('a cursor whose payload was edited is refused even though it still decodes', async () => {
    for (let i = 0; i < 3; i++) await hub.create({ title: `Page ${i}`, severity: 'SEV5' });
    const page = (await (await hub.call('/v1/incidents?limit=1')).json()) as { nextCursor: string };
    const [payload, signature] = page.nextCursor.split('.');
    const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as string[];
    decoded[2] = 'zzzz';
    const tampered = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
    await expectRefused(await hub.call(`/v1/incidents?limit=1&cursor=${tampered}`), 400, 'invalid_cursor');
    expect((await hub.call(`/v1/incidents?limit=1&cursor=${page.nextCursor}`)).status).toBe(200);
  });

  it.each([
    ['an empty patch', {}, /at least one field/],
    ['an unknown field', { declaredBy: 'mallory@example.com' }, /declaredBy/],
    ['a changed id', { id: 'other' }, /id/],
    ['an invalid severity', { severity: 'sev1' }, /severity/],
    ['an invalid status', { status: 'closed' }, /status/],
    ['an overlong title', { title: 'x'.repeat(TITLE_MAX + 1) }, /title/],
    ['a null title', { title: null }, /title/],
  ])('patch with %s → 400, nothing written', async (_name, body, message) => {
    const before = await writes();
    await expectRefused(await hub.call(`/v1/incidents/${incidentId}`, { method: 'PATCH', body, headers: { 'if-match': '*' } }), 400, 'invalid_input', message);
    expect(await writes()).toEqual(before);
  });

  it('patch with a list in If-Match → 400', async () => {
    await expectRefused(await hub.call(`/v1/incidents/${incidentId}`, { method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': '"v1", "v2"' } }), 400, 'invalid_input', /If-Match/);
  });

  it.each([
    ['no message', { status: 'monitoring' }, /message/],
    ['an empty message', { message: '  ' }, /message must not be empty/],
    ['an overlong message', { message: 'x'.repeat(HUB_UPDATE_MESSAGE_MAX + 1) }, /message must be at most/],
    ['a message of the wrong type', { message: ['x'] }, /message/],
    ['an invalid status', { message: 'x', status: 'done' }, /status/],
    ['an unknown field', { message: 'x', at: '2020-01-01' }, /at/],
  ])('update with %s → 400, nothing written', async (_name, body, message) => {
    const before = await writes();
    await expectRefused(await hub.call(`/v1/incidents/${incidentId}/updates`, { method: 'POST', body }), 400, 'invalid_input', message);
    expect(await writes()).toEqual(before);
  });

  it('an unknown route → 404 in the same error shape', async () => {
    await expectRefused(await hub.call('/v1/nothing-here'), 404, 'not_found');
  });
});
