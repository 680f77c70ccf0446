import { SetMetadata } from '@nestjs/common';

export const API_ERRORS = 'apiErrors';

/**
 * The domain error codes a route can answer with, beyond those every route of its kind shares (validation,
 * keys, bodies): the OpenAPI document lists them under their status, and the e2e suites check every error
 * they receive is listed.
 */
export const ApiErrors = (...codes: string[]) => SetMetadata(API_ERRORS, codes);
