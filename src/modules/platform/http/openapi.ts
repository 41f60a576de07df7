import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The security scheme every route requires unless it declares `security: []` (public routes). */
export const SESSION_SCHEME = 'session';

/**
 * `GET /api/people/:id/positions` → `getPeopleByIdPositions`: a route's operationId when it does not
 * declare one. Method and path are unique per route, so the derived ids are too, and they stay the
 * same as long as the route does.
 */
export function derivedOperationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^[:{](\w+)\}?$/.exec(segment);
      return param ? ['by', ...splitWords(param[1]!)] : splitWords(segment);
    });
  return [method.toLowerCase(), ...words.map(capitalize)].join('');
}

function splitWords(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Keeps only the component schemas the operations reference, directly or through other components:
 * the Zod registry also yields an input and an output variant of every named schema, most of which
 * no route uses.
 */
export function withoutUnusedSchemas<T extends object>(document: T): T {
  const components = ((document as { components?: object }).components ?? {}) as {
    schemas?: Record<string, unknown>;
  };
  const schemas = components.schemas ?? {};
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  const pending: unknown[] = [{ ...document, components: { ...components, schemas: {} } }];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(prefix)) {
          const name = decodeURIComponent(value.slice(prefix.length));
          if (!used.has(name) && name in schemas) {
            used.add(name);
            pending.push(schemas[name]);
          }
        } else pending.push(value);
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}

/** Metadata keys that are JSON Schema keywords; the others are ours (e.g. a field's `label`). */
const SCHEMA_KEYWORDS = new Set(['id', 'title', 'description', 'examples', 'deprecated', 'default']);

/**
 * Our own `.meta()` keys become `x-` extensions (`label` → `x-label`): a schema may carry extensions,
 * while an unknown keyword makes the document invalid.
 */
export const zodToJsonConfig = {
  override: ({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: object }) => {
    const meta = z.globalRegistry.get(zodSchema as z.ZodType);
    if (!meta) return;
    const json = jsonSchema as Record<string, unknown>;
    for (const key of Object.keys(meta)) {
      if (SCHEMA_KEYWORDS.has(key) || !(key in json)) continue;
      json[`x-${key}`] = json[key];
      delete json[key];
    }
  },
};

const jsonSchemaTransform = createJsonSchemaTransform({ zodToJsonConfig });
const jsonSchemaTransformObject = createJsonSchemaTransformObject({ zodToJsonConfig });

/**
 * The OpenAPI document's configuration: served at /api/openapi.json and linted by Redocly CLI with
 * its recommended rules in the test suite (`redocly.yaml`, `tests/integration/openapi.db.test.ts`).
 */
export function openApiOptions(publicUrl: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vincula API',
        version: '0.1.0',
        description:
          'API de Vincula. Todas las rutas requieren la cookie de sesión que entrega POST /api/session, ' +
          'salvo las que declaran no requerirla (estado del servicio, inicio de sesión, enlaces públicos ' +
          'de baja y suscripciones de calendario).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          [SESSION_SCHEME]: {
            type: 'apiKey',
            in: 'cookie',
            // better-auth's name with Vincula's prefix; on HTTPS it carries the `__Secure-` prefix.
            name: 'vincula.session_token',
            description:
              'Cookie de sesión firmada (`vincula.session_token`, o `__Secure-vincula.session_token` ' +
              'en HTTPS) que entrega POST /api/session.',
          },
        },
      },
      security: [{ [SESSION_SCHEME]: [] }],
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      if (result.schema.hide) return result;
      const declared = (input.schema as { operationId?: string }).operationId;
      const method = String(Array.isArray(input.route.method) ? input.route.method[0] : input.route.method);
      return {
        ...result,
        schema: { ...result.schema, operationId: declared ?? derivedOperationId(method, input.url) },
      };
    },
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  };
}
