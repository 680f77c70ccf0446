import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import type * as SwaggerPlugin from '@nestjs/swagger/dist/plugin';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { AppModule } from '../app.module';
import { APP_OPTIONS, createHttpAdapter } from '../app.setup';
import { buildOpenApiDocument } from '../infrastructure/http/openapi/openapi-document';
import { projectRoot } from '../infrastructure/project-root';

// The package exports its plugin as '@nestjs/swagger/plugin', a subpath this project's `node` resolution cannot type.
const { ReadonlyVisitor } = createRequire(__filename)('@nestjs/swagger/plugin') as typeof SwaggerPlugin;

export const METADATA_FILE = 'openapi.metadata.ts';

/** The Swagger plugin's reading of our request, response and view classes and controllers, as a TS module. */
export const generatePluginMetadata = (filename = METADATA_FILE): void => {
  const outputDir = join(projectRoot(), 'src');
  // The generator type-checks the project, the metadata file included: an outdated one must not stand in its way.
  writeFileSync(join(outputDir, filename), '/* eslint-disable */\nexport default async () => ({});\n');
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        introspectComments: true,
        classValidatorShim: true,
        pathToSource: join(projectRoot(), 'src'),
        dtoFileNameSuffix: ['.request.ts', '.response.ts'],
        controllerFileNameSuffix: ['.controller.ts'],
      }),
    ],
    outputDir,
    filename,
    tsconfigPath: relative(process.cwd(), join(projectRoot(), 'tsconfig.build.json')),
    printDiagnostics: false,
  });
};

/** The document as the service serves it at /docs-json, from an app that never listens. */
export const serializedOpenApiDocument = async (): Promise<string> => {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({
        EVENT_STORE: 'pglite',
        DATA_DIR: 'memory://',
        DATABASE_URL: '',
        SEED_ON_START: 'false',
        PROJECTIONS_ENABLED: 'false',
        STANCE_INDEX_ENABLED: 'false',
        WEBHOOKS_DELIVERY_ENABLED: 'false',
        ADMIN_API_KEY: 'openapi-generation-key-0000',
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    ...APP_OPTIONS,
    logger: ['error'],
  });
  try {
    await app.init();
    return `${JSON.stringify(await buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
};

/** `npm run openapi`: regenerates src/openapi.metadata.ts, then writes openapi.json (the client types follow). */
const main = async () => {
  const logger = new Logger('openapi');
  if (!process.argv.includes('--document-only')) {
    generatePluginMetadata();
    logger.log(`wrote src/${METADATA_FILE}`);
  }
  writeFileSync(join(projectRoot(), 'openapi.json'), await serializedOpenApiDocument());
  logger.log('wrote openapi.json');
};

if (require.main === module) {
  main().catch((error: unknown) => {
    new Logger('openapi').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
