import type { NestApplicationOptions } from '@nestjs/common';
import { gateReads, ReadGate } from './infrastructure/http/read-gate';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeys } from './infrastructure/http/api-keys';
import { authenticateEarly } from './infrastructure/http/authenticate-early.hook';
import { describeError } from './infrastructure/http/domain-error.filter';
import { answerClientError, fromFastifyError } from './infrastructure/http/fastify-errors';
import { limitConnections } from './infrastructure/http/connection-limits';
import { AppConfig } from './config/app-config';
import { FastifyHttpAdapter } from './infrastructure/http/fastify-http.adapter';
import { buildOpenApiDocument } from './infrastructure/http/openapi/openapi-document';
import { acceptJsonBodiesOnly } from './infrastructure/http/request-bodies';
import { assignRequestId } from './infrastructure/http/request-id.hook';
import { RouteRoles } from './infrastructure/http/route-roles';
import { requestValidationPipe } from './infrastructure/http/validation.pipe';
import { refuseUnstorableText } from './infrastructure/http/storable-text.hook';

/** Nest's parsers stay off: ours (request-bodies.ts) answer a malformed, oversized or non-JSON body in our shape. */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** The Fastify every entry point boots (main.ts, the tests, the bench), so they all run one HTTP layer. */
export const createHttpAdapter = (): FastifyHttpAdapter =>
  new FastifyHttpAdapter({
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: {
      // As Express routed: `/v1/actors/` is `/v1/actors`, and `/V1/Actors` too (parameters keep their case).
      ignoreTrailingSlash: true,
      caseSensitive: false,
      // Aliases run to 200 characters, 1,800 once percent-encoded; Fastify's default cuts parameters at 100.
      maxParamLength: 2000,
    },
    // Fastify would answer these in its own shape: a path that is not percent-encoded UTF-8, a too long one.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const [status, body] = describeError(fromFastifyError(error));
      reply.status(status).send(body);
    },
    // What Node's parser refuses, or a client too slow to send (408), answered in our shape too.
    clientErrorHandler: answerClientError,
    // Fastify's 503 while closing bypasses our error shape; requests in the drain are answered as any other.
    return503OnClosing: false,
    // No Nest middleware here: the request id is a Fastify hook, so @fastify/middie would only cost a hook.
    skipMiddie: true,
  });

/** What main.ts and the e2e tests both apply, so tests exercise the app as it runs. */
export const configureApp = async (app: NestFastifyApplication): Promise<NestFastifyApplication> => {
  const fastify = app.getHttpAdapter().getInstance();
  limitConnections(app.getHttpServer(), app.get(AppConfig).env);
  acceptJsonBodiesOnly(fastify);
  // Declared up front, so that every request object keeps one shape (Fastify's advice for speed).
  fastify.decorateRequest('requestId', undefined);
  fastify.decorateRequest('principal', undefined);
  fastify.addHook('onRequest', assignRequestId);
  fastify.addHook(
    'onRequest',
    authenticateEarly(() => [app.get(RouteRoles), app.get(ApiKeys)]),
  );
  fastify.addHook('preValidation', refuseUnstorableText);
  const readGate = app.get(ReadGate);
  if (readGate.limit > 0) gateReads(fastify, readGate);
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, await buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
};

/** `app.init()` registers Nest's routes with Fastify; they serve once Fastify is ready (listen() readies it too). */
export const initApp = async (app: NestFastifyApplication): Promise<NestFastifyApplication> => {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
};
