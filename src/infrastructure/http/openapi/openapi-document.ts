import { INTERCEPTORS_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CONSISTENCY_HEADER } from '../../consistency/consistency.interceptor';
import { statusOfCode } from '../domain-error.filter';
import { IdempotencyInterceptor } from '../idempotency.interceptor';
import { REQUIRED_ROLE } from '../requires-role.decorator';
import { API_ERRORS } from './api-errors.decorator';
import { ErrorResponse } from './error.response';
import { describeValidationRules } from './validation-rules';

export const API_KEY_SCHEME = 'apiKey';
const ERROR_SCHEMA = { $ref: `#/components/schemas/${ErrorResponse.name}` };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type RouteFacts = {
  method: string;
  role: string | null;
  body: boolean;
  idempotent: boolean;
  codes: string[];
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'The request breaks a rule: `details` names each field and rule',
  401: 'No key, or a key that is not valid',
  403: 'The key lacks the role this route needs',
  404: 'Not found',
  409: 'Conflicts with what the record holds',
  413: 'The body is over 2 MB',
  415: 'The body is not application/json',
  422: 'Refused by the domain: `details.field` names the field',
  500: 'Something went wrong on our side; `x-request-id` names the request',
  503: 'Not ready to answer now; try again',
};

/** What each route's handler declares, by the operation id Nest's explorer gives it (`Controller_method`). */
const routeFacts = (app: INestApplication): Map<string, RouteFacts> => {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
          string,
          unknown
        >;
        const interceptors = [
          ...((Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? []) as unknown[]),
          ...((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[]),
        ];
        facts.set(`${controller.name}_${key}`, {
          method: String(
            RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
          ).toLowerCase(),
          role: (Reflect.getMetadata(REQUIRED_ROLE, handler) ??
            Reflect.getMetadata(REQUIRED_ROLE, controller) ??
            null) as string | null,
          body: Object.keys(args).some((arg) => arg.startsWith(`${RouteParamtypes.BODY}:`)),
          idempotent: interceptors.includes(IdempotencyInterceptor),
          codes: (Reflect.getMetadata(API_ERRORS, handler) ?? []) as string[],
        });
      }
    }
  }
  return facts;
};

/** The codes a route can answer with, by status: those its kind shares, and its own. */
const errorCodes = (facts: RouteFacts): Map<number, Set<string>> => {
  const byStatus = new Map<number, Set<string>>();
  const add = (status: number, ...codes: string[]) => {
    const set = byStatus.get(status) ?? new Set<string>();
    codes.forEach((code) => set.add(code));
    byStatus.set(status, set);
  };
  add(400, 'REQUEST.VALIDATION_FAILED', 'REQUEST.INVALID');
  add(401, 'AUTH.KEY_REQUIRED', 'AUTH.INVALID_KEY');
  if (facts.role) add(403, 'AUTH.FORBIDDEN');
  if (facts.body) {
    add(400, 'REQUEST.MALFORMED_JSON');
    add(413, 'REQUEST.TOO_LARGE');
    add(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
  }
  if (facts.idempotent) add(422, 'IDEMPOTENCY.KEY_REUSED');
  if (facts.idempotent) add(400, 'IDEMPOTENCY.KEY_INVALID');
  if (facts.method === 'get') add(503, 'READ_MODEL.BEHIND');
  add(500, 'INTERNAL');
  for (const code of facts.codes) add(statusOfCode(code), code);
  return byStatus;
};

const errorResponse = (status: number, codes: Set<string>): ResponseObject => ({
  description: `${STATUS_TEXT[status] ?? 'Error'}: ${[...codes].map((code) => `\`${code}\``).join(', ')}`,
  content: {
    'application/json': {
      schema: {
        allOf: [
          ERROR_SCHEMA,
          {
            type: 'object',
            properties: {
              error: { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
            },
          },
        ],
      },
    },
  },
});

const describeOperation = (operation: OperationObject, facts: RouteFacts): void => {
  for (const [status, codes] of errorCodes(facts)) {
    const declared = operation.responses[String(status)] as ResponseObject | undefined;
    const declaredSchema = declared?.content?.['application/json']?.schema;
    const error = errorResponse(status, codes);
    // A route that answers this status with a body of its own (the readiness probe's 503 report) keeps it, beside
    // the error shape the status can also carry.
    operation.responses[String(status)] = declaredSchema
      ? {
          description: `${declared.description}; or ${error.description}`,
          content: {
            'application/json': {
              schema: { anyOf: [declaredSchema, error.content!['application/json'].schema!] },
            },
          },
        }
      : error;
  }
  // Reads are open unless READ_REQUIRES_KEY=true: a key is optional there, and required everywhere else.
  if (facts.method === 'get')
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: CONSISTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          'Read your own write: the `Positions-Consistency` a write answered. The read waits, bounded, until the read models have applied it (else 503 `READ_MODEL.BEHIND`).',
        schema: { type: 'string' },
      },
    ];
  else
    for (const [status, response] of Object.entries(operation.responses))
      if (status.startsWith('2') && response && 'description' in response)
        response.headers = {
          ...response.headers,
          [CONSISTENCY_HEADER]: {
            description:
              'The log position of what this write appended: send it back on a read to read your own write.',
            schema: { type: 'string' },
          },
        };
  operation.security = facts.role ? [{ [API_KEY_SCHEME]: [] }] : [{}, { [API_KEY_SCHEME]: [] }];
  (operation as OperationObject & { 'x-required-role': string })['x-required-role'] = facts.role ?? 'none';
  const needs = facts.role
    ? `Needs a key with role \`${facts.role}\`${facts.role === 'webhooks' ? ' (or `admin`)' : ' or above'}.`
    : 'Open, unless `READ_REQUIRES_KEY=true` (then any key).';
  operation.description = operation.description ? `${operation.description}\n\n${needs}` : needs;
};

/**
 * The OpenAPI document, generated from the controllers and the request and response classes (their schemas
 * come from the Swagger plugin's metadata, `src/openapi.metadata.ts`, made by `npm run openapi`), with every
 * route's errors and the key it needs added from what each handler declares.
 */
export const buildOpenApiDocument = async (app: INestApplication): Promise<OpenAPIObject> => {
  const { default: metadata } = await import('../../../openapi.metadata');
  await SwaggerModule.loadPluginMetadata(metadata);
  describeValidationRules();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Positions')
      .setDescription(
        'What political actors said about the issues of the day, as immutable events: every read answers for a valid time `at` and a record time `knownAt`. Lists page with opaque cursors: pass `next` back as `after` until it is null.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://spdx.org/licenses/')
      .addServer('/', 'This service')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description:
            'An opaque API key (not a JWT), sent as `Authorization: Bearer <key>`; roles nest admin ⊃ editor ⊃ reader, and `webhooks` manages webhooks.',
        },
        API_KEY_SCHEME,
      )
      .build(),
    { extraModels: [ErrorResponse] },
  );
  // Nest's builder names every bearer scheme a JWT; ours is an opaque key.
  delete (document.components?.securitySchemes?.[API_KEY_SCHEME] as { bearerFormat?: string }).bearerFormat;
  const facts = routeFacts(app);
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      const known = operation?.operationId ? facts.get(operation.operationId) : undefined;
      if (operation && known) describeOperation(operation, known);
    }
  }
  return document;
};
