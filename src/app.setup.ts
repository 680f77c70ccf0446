import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { errorBody } from './infrastructure/http/error-body';
import { requestValidationPipe } from './infrastructure/http/validation.pipe';

/** Our own JSON body parser, so a malformed or oversized body gets our error shape, naming the body. */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

const bodyErrors = (error: { type?: string }, _request: Request, response: Response, next: NextFunction) => {
  if (error?.type === 'entity.parse.failed') {
    response
      .status(400)
      .json(errorBody('REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.', { field: 'body' }));
  } else if (error?.type === 'entity.too.large') {
    response
      .status(413)
      .json(errorBody('REQUEST.TOO_LARGE', 'The request body is larger than 2 MB.', { field: 'body' }));
  } else {
    next(error);
  }
};

/** What main.ts and the e2e tests both apply, so tests exercise the app as it runs. */
export const configureApp = (app: INestApplication): INestApplication => {
  app.use(express.json({ limit: '2mb' }), bodyErrors);
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
