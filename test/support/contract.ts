import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';

type Schema = Record<string, unknown>;
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Statuses the HTTP layer itself may answer on any route, in our error shape. */
const TRANSPORT_STATUSES = new Set([404, 405, 408, 413, 414, 415, 429, 431]);
const ROOT = 'openapi';

/** OpenAPI 3.0 to JSON Schema: `nullable` becomes a null alternative; named schemas refuse fields they don't list. */
const toJsonSchema = (node: unknown, named = false): unknown => {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item));
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, example: _example, ...rest } = node as Schema;
  const converted: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted.$ref = value.replace(/^#/, `${ROOT}#`);
    else if (key === 'properties')
      converted.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([name, schema]) => [name, toJsonSchema(schema)]),
      );
    else converted[key] = toJsonSchema(value);
  }
  if (named && converted.properties && !('additionalProperties' in converted))
    converted.additionalProperties = false;
  return nullable ? { anyOf: [{ type: 'null' }, converted] } : converted;
};

const loadContract = () => {
  const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as Document;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(
    {
      components: {
        schemas: Object.fromEntries(
          Object.entries(document.components.schemas).map(([name, schema]) => [
            name,
            toJsonSchema(schema, true),
          ]),
        ),
      },
    },
    ROOT,
  );
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
    operations,
  }));
  const compiled = new Map<Schema, ValidateFunction>();
  const validator = (schema: Schema) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema) as Schema);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const errorValidator = validator({ $ref: '#/components/schemas/ErrorResponse' });
  return { routes, validator, errorValidator };
};

let contract: ReturnType<typeof loadContract> | undefined;

const fail = (response: Response, problem: string): never => {
  const { method, path } = (response as unknown as { req: unknown }).req as { method: string; path: string };
  throw new Error(
    `${method} ${path} answered ${response.status} outside the OpenAPI contract: ${problem}\n${JSON.stringify(response.body).slice(0, 1500)}`,
  );
};

/** Checks one response against openapi.json: its status is documented for the route, and its JSON body fits. */
export const checkContract = (response: Response): void => {
  contract ??= loadContract();
  const { method, path } = (response as unknown as { req: unknown }).req as { method: string; path: string };
  const isJson = /^application\/json/.test(String(response.headers['content-type'] ?? ''));
  if (method === 'HEAD' || response.status === 204) return;
  const pathname = path.split('?')[0];
  const operation = contract.routes.find(({ pattern }) => pattern.test(pathname))?.operations[
    method.toLowerCase()
  ];
  if (!operation) {
    if (response.status >= 400 && isJson && !contract.errorValidator(response.body))
      fail(response, 'an error not in the shared error shape');
    return;
  }
  const documented = operation.responses[String(response.status)];
  if (!documented) {
    if (TRANSPORT_STATUSES.has(response.status) && isJson && contract.errorValidator(response.body)) return;
    fail(response, `status ${response.status} is not documented for this route`);
  }
  const schema = documented?.content?.['application/json']?.schema;
  if (!schema || !isJson) return;
  const validate = contract.validator(schema);
  if (!validate(response.body)) fail(response, JSON.stringify(validate.errors?.slice(0, 5)));
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** A supertest agent whose every response is checked against the contract before the test's own assertions. */
export const withContract = <Agent extends object>(agent: Agent): Agent =>
  new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...args: unknown[]) => { expect: (check: (response: Response) => void) => unknown })
          .apply(target, args)
          .expect(checkContract);
    },
  });

/** The schema errors of a body against openapi.json's ErrorResponse (with ErrorDetailResponse refusing extra fields). */
export const errorShapeProblems = (body: unknown): string | null => {
  contract ??= loadContract();
  return contract.errorValidator(body) ? null : JSON.stringify(contract.errorValidator.errors?.slice(0, 5));
};
