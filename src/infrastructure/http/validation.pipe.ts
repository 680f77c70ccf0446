import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

export const requestValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestValidationError.from(errors),
  });
