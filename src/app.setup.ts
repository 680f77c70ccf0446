import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { requestValidationPipe } from './infrastructure/http/validation.pipe';

/** What main.ts and the e2e tests both apply, so tests exercise the app as it runs. */
export const configureApp = (app: INestApplication): INestApplication => {
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Positions')
      .setDescription(
        "What political actors said about the issues of the day, as immutable events: every read answers for a valid time `at` and a record time `knownAt`.",
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
};
