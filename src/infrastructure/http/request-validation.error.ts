import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { errorBody } from './error-body';

export type FieldViolation = { field: string; rule: string; message: string };

const flatten = (errors: ValidationError[], parent = ''): FieldViolation[] =>
  errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
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
