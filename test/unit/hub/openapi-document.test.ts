// The OpenAPI document committed in src-hub/openapi.json is exactly what the schemas generate, and
// it describes every route the hub serves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, openApiText } from '../../../src-hub/openapi.js';

describe('hub OpenAPI document', () => {
  it('the committed copy equals the generated one (run `npm run hub:openapi` after changing the API)', () => {
    const committed = readFileSync(new URL('../../../src-hub/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(openApiText());
  });

  it('is OpenAPI 3.1 with every route, bearer security except health and the document itself', () => {
    const doc = buildOpenApiDocument() as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>>;
      components: { schemas: Record<string, { additionalProperties?: boolean }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((k) => k !== 'parameters').map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /health',
        'GET /v1/openapi.json',
        'GET /v1/incidents',
        'POST /v1/incidents',
        'GET /v1/incidents/{id}',
        'PATCH /v1/incidents/{id}',
        'POST /v1/incidents/{id}/updates',
        'GET /v1/incidents/{id}/timeline',
        'GET /v1/events',
      ].sort(),
    );
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/v1/incidents']?.get?.security).toBeUndefined();
    expect(doc.components.schemas.CreateIncidentBody?.additionalProperties).toBe(false);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(
      ['CreateIncidentBody', 'Error', 'Health', 'Incident', 'IncidentList', 'PatchIncidentBody', 'PostUpdateBody', 'Timeline', 'TimelineEntry'].sort(),
    );
  });
});
