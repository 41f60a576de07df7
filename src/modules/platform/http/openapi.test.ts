import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { derivedOperationId, withoutUnusedSchemas, zodToJsonConfig } from './openapi';

describe('derivedOperationId', () => {
  it('joins the method and the path after /api in camelCase, parameters as "by"', () => {
    expect(derivedOperationId('GET', '/api/institutions')).toBe('getInstitutions');
    expect(derivedOperationId('DELETE', '/api/people/:id/positions/:positionId')).toBe(
      'deletePeopleByIdPositionsByPositionId',
    );
    expect(derivedOperationId('post', '/api/governance/sessions/:id/minutes-approval')).toBe(
      'postGovernanceSessionsByIdMinutesApproval',
    );
    expect(derivedOperationId('GET', '/api/governance/feeds/{token}/sesiones.ics')).toBe(
      'getGovernanceFeedsByTokenSesionesIcs',
    );
  });

  it('tells apart a collection and one of its records', () => {
    expect(derivedOperationId('GET', '/api/areas')).not.toBe(derivedOperationId('GET', '/api/areas/:id'));
  });
});

describe('withoutUnusedSchemas', () => {
  it('keeps the schemas operations reference, directly or through another schema, and drops the rest', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const doc = {
      paths: {
        '/a': { get: { responses: { 200: { content: { 'application/json': { schema: ref('Page') } } } } } },
      },
      components: {
        securitySchemes: { session: { type: 'apiKey' } },
        schemas: {
          Page: { type: 'object', properties: { items: { type: 'array', items: ref('Item') } } },
          Item: { type: 'object', properties: { parent: ref('Item') } },
          PageInput: { type: 'object', properties: { items: ref('Orphan') } },
          Orphan: { type: 'string' },
        },
      },
    };
    const kept = withoutUnusedSchemas(doc);
    expect(Object.keys(kept.components.schemas).sort()).toEqual(['Item', 'Page']);
    expect(kept.components.securitySchemes).toEqual(doc.components.securitySchemes);
    expect(kept.paths).toBe(doc.paths);
  });
});

describe('zodToJsonConfig', () => {
  it("turns our own metadata into x- extensions and keeps JSON Schema's", () => {
    const schema = z.object({ kind: z.enum(['a', 'b']).meta({ label: 'el tipo', description: 'Tipo' }) });
    const kind = z.toJSONSchema(schema, { override: zodToJsonConfig.override }).properties?.kind;
    expect(kind).toMatchObject({ 'x-label': 'el tipo', description: 'Tipo' });
    expect(kind).not.toHaveProperty('label');
  });
});
