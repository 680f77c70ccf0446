import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { errorBody } from './error-body';

export type FieldViolation = { field: string; rule: string; message: string };

/** A rule's own message may name an alternative ("or give publishedAt"); keep it. */
const requiredMessage = (field: string, constraints: [string, string][]): string => {
  const alternative = constraints
    .map(([, message]) => /\((or give [^)]+)\)/.exec(message)?.[1])
    .find(Boolean);
  return alternative ? `${field} is required (${alternative})` : `${field} is required`;
};

const flatten = (errors: ValidationError[], parent = ''): FieldViolation[] =>
  errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    // A missing field breaks every rule it has; say the one thing that is wrong.
    const own =
      error.value === undefined &&
      constraints.length > 0 &&
      !('whitelistValidation' in (error.constraints ?? {}))
        ? [{ field, rule: 'required', message: requiredMessage(field, constraints) }]
        : constraints.map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** A 400 that names every offending field and the rule it breaks. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly violations: FieldViolation[]) {
    const summary = violations.map((violation) => `${violation.field}: ${violation.message}`).join('; ');
    super(errorBody('REQUEST.VALIDATION_FAILED', `Invalid request: ${summary}`, violations));
  }

  static from(errors: ValidationError[]): RequestValidationError {
    return new RequestValidationError(flatten(errors));
  }
}
