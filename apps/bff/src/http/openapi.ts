import { type RouteDef, routes } from '@console/contract';
import { z } from 'zod';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: 'string' },
        upstream: {
          type: 'object',
          properties: {
            product: { type: 'string' },
            httpStatus: { type: 'integer' },
            code: { type: 'string' },
            message: { type: 'string' },
            requestId: { type: 'string' },
          },
        },
      },
      required: ['code', 'message'],
    },
  },
};

function parameters(def: RouteDef) {
  const out: object[] = [];
  for (const [where, schema] of [
    ['path', def.params],
    ['query', def.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return out;
}

/** The OpenAPI document, generated from the same schemas that validate every request. */
export function buildOpenApi(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const [id, def] of Object.entries(routes) as [string, RouteDef][]) {
    const path = def.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    (paths[path] as Record<string, object>)[def.method] = {
      operationId: id,
      summary: def.summary,
      description:
        def.role === 'public'
          ? 'No session needed.'
          : def.role === 'display'
            ? 'Requires the viewer role, or a display link (`Authorization: Display <token>`).'
            : `Requires the ${def.role} role.`,
      parameters: parameters(def),
      ...(def.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(def.body, 'input') } },
            },
          }
        : {}),
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: toSchema(def.response, 'output') } },
        },
        ...(def.conflict
          ? {
              409: {
                description: 'The action no longer fits the current state, which this answer carries',
                content: { 'application/json': { schema: toSchema(def.conflict, 'output') } },
              },
            }
          : {}),
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Cloud application console API', version: '1.0.0' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'console_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
