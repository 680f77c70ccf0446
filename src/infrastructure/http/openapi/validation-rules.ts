import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { getMetadataStorage, type ValidationTypes } from 'class-validator';
import { DAY_PATTERN, TIMESTAMP_PATTERN } from '../validation/is-timestamp.decorator';

type Rule = {
  name?: string;
  type: (typeof ValidationTypes)[keyof typeof ValidationTypes] | string;
  constraints?: unknown[];
  each?: boolean;
};

/** What each class-validator rule says in JSON Schema, where the Swagger plugin's reading of it falls short. */
const schemaOf = ({ name, constraints = [] }: Rule): Record<string, unknown> => {
  switch (name) {
    case 'isTimestamp':
      return { type: 'string', pattern: TIMESTAMP_PATTERN, example: '2025-02-27T12:00:00Z' };
    case 'isDay':
      return { type: 'string', format: 'date', pattern: DAY_PATTERN, example: '2025-02-26' };
    case 'validCursor':
    case 'matches':
      return { pattern: (constraints[0] as RegExp).source };
    case 'isIn':
      return { enum: constraints[0] as unknown[] };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isUrl':
      return { type: 'string', format: 'uri' };
    case 'isInt':
      return { type: 'integer' };
    case 'min':
      return { minimum: constraints[0] };
    case 'max':
      return { maximum: constraints[0] };
    case 'isBoolean':
      return { type: 'boolean' };
    default:
      return {};
  }
};

const described = new WeakSet<object>();

/**
 * Adds each request class's validation rules (patterns held in constants, enums, the date grammar, uuid and
 * url formats, integer bounds) to its OpenAPI properties, so the document says what the validator enforces.
 */
export const describeValidationRules = (): void => {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<abstract new () => unknown, (Rule & { propertyName: string })[]>;
  };
  for (const [target, rules] of storage.validationMetadatas) {
    if (described.has(target)) continue;
    described.add(target);
    const byProperty = new Map<string, Record<string, unknown>>();
    for (const rule of rules) {
      // Of the rules on each item of a list, Swagger's decorator can carry an enum (as items.enum).
      if (rule.each && rule.name !== 'isIn') continue;
      const schema = rule.each ? { ...schemaOf(rule), isArray: true } : schemaOf(rule);
      if (Object.keys(schema).length === 0) continue;
      byProperty.set(rule.propertyName, { ...byProperty.get(rule.propertyName), ...schema });
    }
    for (const [property, schema] of byProperty) {
      ApiProperty(schema as ApiPropertyOptions)(target.prototype as object, property);
    }
  }
};
