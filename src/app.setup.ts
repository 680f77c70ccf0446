import type { NestApplicationOptions } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { describeError } from './infrastructure/http/domain-error.filter';
import { fromFastifyError } from './infrastructure/http/fastify-errors';
import { FastifyHttpAdapter } from './infrastructure/http/fastify-http.adapter';
import { acceptJsonBodiesOnly } from './infrastructure/http/request-bodies';
import { assignRequestId } from './infrastructure/http/request-id.hook';
import { requestValidationPipe } from './infrastructure/http/validation.pipe';

/** Nest's parsers stay off: ours (request-bodies.ts) answer a malformed, oversized or non-JSON body in our shape. */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** The Fastify every entry point boots (main.ts, the tests, the bench), so they all run one HTTP layer. */
export const createHttpAdapter = (): FastifyHttpAdapter =>
  new FastifyHttpAdapter({
    bodyLimit: 2 * 1024 * 1024,
    // Node's own default, which Express ran with: a request must have arrived within 5 minutes.
    requestTimeout: 300_000,
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
    // Fastify's 503 while closing bypasses our error shape; requests in the drain are answered as any other.
    return503OnClosing: false,
    // No Nest middleware here: the request id is a Fastify hook, so @fastify/middie would only cost a hook.
    skipMiddie: true,
  });

/** What main.ts and the e2e tests both apply, so tests exercise the app as it runs. */
export const configureApp = (app: NestFastifyApplication): NestFastifyApplication => {
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonBodiesOnly(fastify);
  // Declared up front, so that every request object keeps one shape (Fastify's advice for speed).
  fastify.decorateRequest('requestId', undefined);
  fastify.decorateRequest('principal', undefined);
  fastify.addHook('onRequest', assignRequestId);
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Positions')
      .setDescription(
        'What political actors said about the issues of the day, as immutable events: every read answers for a valid time `at` and a record time `knownAt`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
};

/** `app.init()` registers Nest's routes with Fastify; they serve once Fastify is ready (listen() readies it too). */
export const initApp = async (app: NestFastifyApplication): Promise<NestFastifyApplication> => {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
};
