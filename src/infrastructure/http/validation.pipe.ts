import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

export const requestValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Values are kept to tell a missing field from a wrong one; they never reach the answer.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => RequestValidationError.from(errors),
  });
