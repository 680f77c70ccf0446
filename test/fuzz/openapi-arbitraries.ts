import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};

export type FuzzOperation = {
  method: string;
  template: string;
  parameters: Parameter[];
  body: Schema | null;
  eventStream: boolean;
};

export type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
};

const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const resolve = (schema: Schema): Schema => {
  if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf) return schema.allOf.map(resolve).reduce(merge, {});
  return schema;
};

const merge = (left: Schema, right: Schema): Schema => ({
  ...left,
  ...right,
  properties: { ...left.properties, ...right.properties },
  required: [...(left.required ?? []), ...(right.required ?? [])],
});

/** Every operation of openapi.json, each with what a request to it may carry. */
export const operations = (): FuzzOperation[] =>
  Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema ?? null,
      eventStream: JSON.stringify(operation.responses).includes('text/event-stream'),
    })),
  );

/** Values no field should take without a clear 400: control and unpaired characters, odd dates, huge and empty text. */
const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udc00y',
      '2025-W09',
      '2025-W09-3',
      '2025-058',
      '2025-02-30',
      '2025-02-27T25:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '0x10',
      '1e3',
      '-1',
      'NaN',
      'Infinity',
      '__proto__',
      'constructor',
      '../../package.json',
      '%00',
      '%',
      "'; DROP TABLE events; --",
      '\u202e\u200b\ufeff',
      '😀'.repeat(300),
      'x'.repeat(20_001),
    ),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

const nastyValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    nastyString(),
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, 2 ** 53, {}, [], [[]], { a: 1 }),
    fc.double(),
    fc.integer(),
    deeplyNested(),
  );

/** Nested arrays and objects, sometimes far beyond the 32 levels a body may nest. */
const deeplyNested = (): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.integer({ min: 2, max: 60 }), fc.boolean())
    .map(([depth, arrays]) =>
      Array.from({ length: depth }).reduce<unknown>((inner) => (arrays ? [inner] : { a: inner }), 'x'),
    );

const ISO = (date: Date) => date.toISOString();
const someDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });

/** A value the schema describes (as the server should accept it, as far as a schema can tell). */
export const validValue = (raw: Schema, depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolve(raw);
  if (schema.oneOf ?? schema.anyOf)
    return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((s) => validValue(s, depth)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'array':
      return fc.array(validValue(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object':
      return depth > 4 ? fc.constant({}) : validObject(schema, depth);
    default:
      return validString(schema);
  }
};

const validObject = (schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  return fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, validValue(property, depth + 1)]),
    ),
    { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) },
  );
};

const validString = (schema: Schema): fc.Arbitrary<string> => {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') return someDate.map(ISO);
  if (schema.format === 'date') return someDate.map((date) => ISO(date).slice(0, 10));
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.pattern) {
    try {
      const pattern = new RegExp(schema.pattern);
      // Date grammars: real dates, sometimes an instant; the regex alone would make up the 99th month.
      if (schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}'))
        return fc
          .oneof(
            someDate.map((date) => ISO(date).slice(0, 10)),
            someDate.map(ISO),
          )
          .filter((text) => pattern.test(text));
      return fc.stringMatching(pattern).filter((text) => text.length <= (schema.maxLength ?? 2000));
    } catch {
      // A pattern fast-check cannot invert: plain words then.
    }
  }
  return fc.string({
    minLength: Math.max(schema.minLength ?? 0, 1),
    maxLength: Math.min(schema.maxLength ?? 40, 40),
  });
};

/** A value the server should take: one of the ids it knows, or one the schema describes. */
const goodValue = (schema: Schema, known: string[] = []): fc.Arbitrary<unknown> =>
  known.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, validValue(schema))
    : validValue(schema);

/** Valid bodies, bodies with one field broken, missing, added or turned into text, and bodies that are not objects. */
const bodyArbitrary = (
  schema: Schema,
  known: Record<string, string[]>,
  broken: boolean,
): fc.Arbitrary<unknown> => {
  const resolved = resolve(schema);
  const fields = Object.keys(resolved.properties ?? {});
  const valid = validValue(resolved).map((value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? withKnownIds(value as Record<string, unknown>, known)
      : value,
  );
  if (!broken) return valid;
  const mutated =
    fields.length === 0
      ? valid.map((body) => ({ ...(body as object), unexpected: 1 }))
      : fc
          .tuple(
            valid,
            fc.constantFrom(...fields),
            nastyValue(),
            fc.constantFrom('replace', 'drop', 'extra', 'stringify'),
          )
          .map(([body, field, nasty, how]) => {
            const copy = { ...(body as Record<string, unknown>) };
            if (how === 'replace') copy[field] = nasty;
            else if (how === 'drop') delete copy[field];
            else if (how === 'extra') copy[`${field}Extra`] = nasty;
            else copy[field] = JSON.stringify(copy[field] ?? 1);
            return copy;
          });
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: nastyValue() });
};

const withKnownIds = (
  body: Record<string, unknown>,
  known: Record<string, string[]>,
): Record<string, unknown> => {
  const copy = { ...body };
  for (const key of Object.keys(copy)) if (known[key]?.length) copy[key] = known[key][0];
  return copy;
};

/** Percent-encodes as UTF-8; a lone surrogate, which UTF-8 cannot carry, is sent as its WTF-8 bytes. */
const encode = (value: string): string =>
  Array.from(value)
    .map((char) => {
      const code = char.codePointAt(0) as number;
      if (code >= 0xd800 && code <= 0xdfff)
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      return encodeURIComponent(char);
    })
    .join('');

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** Header values a client could send at all: printable ASCII. */
const asHeader = (value: unknown): string =>
  asText(value)
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 300);

type Mode = 'valid' | 'parameter' | 'body' | 'query';

/**
 * Requests to one operation: each valid as far as the schemas tell (known ids where a parameter names one), or with
 * exactly one thing broken: a parameter, the body, or an extra query field, so each refusal is reached on its own.
 */
export const requestArbitrary = (
  operation: FuzzOperation,
  known: Record<string, string[]>,
  authorization: string,
): fc.Arbitrary<FuzzRequest> => {
  const { parameters } = operation;
  const modes: Mode[] = [
    'valid',
    'query',
    ...(parameters.length > 0 ? (['parameter'] as const) : []),
    ...(operation.body ? (['body'] as const) : []),
  ];
  const values = fc.tuple(
    ...parameters.map((parameter) => {
      const value = goodValue(parameter.schema ?? { type: 'string' }, known[parameter.name] ?? []);
      return parameter.required ? value : fc.option(value, { nil: undefined, freq: 2 });
    }),
  );
  const broken = fc.tuple(fc.nat({ max: Math.max(0, parameters.length - 1) }), nastyValue());
  // Built once per operation: building an arbitrary (a regex inverted) costs far more than drawing from it.
  const validBody = operation.body ? bodyArbitrary(operation.body, known, false) : fc.constant(undefined);
  const brokenBody = operation.body ? bodyArbitrary(operation.body, known, true) : fc.constant(undefined);
  return fc
    .constantFrom(...modes)
    .chain((mode) =>
      fc.record({
        mode: fc.constant(mode),
        values,
        broken,
        body: mode === 'body' ? brokenBody : validBody,
      }),
    )
    .map(({ mode, values, broken: [brokenIndex, nasty], body }) => {
      let path = operation.template;
      const query: string[] = [];
      const headers: Record<string, string> = { authorization };
      parameters.forEach((parameter, index) => {
        const value = mode === 'parameter' && index === brokenIndex ? nasty : values[index];
        if (value === undefined) return;
        if (parameter.in === 'path')
          path = path.replace(`{${parameter.name}}`, encode(asText(value)) || '%20');
        else if (parameter.in === 'query')
          for (const item of Array.isArray(value) ? value : [value])
            query.push(`${parameter.name}=${encode(asText(item))}`);
        else headers[parameter.name.toLowerCase()] = asHeader(value);
      });
      if (mode === 'query') query.push(`unexpected=${encode(asText(nasty))}`);
      return {
        method: operation.method,
        path: query.length > 0 ? `${path}?${query.join('&')}` : path,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      };
    });
};
