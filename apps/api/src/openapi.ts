import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  cleanupOpenApiDoc(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Chorus API')
        .setDescription(
          'Customer feedback, event-sourced. Errors are application/problem+json (RFC 9457); every editable resource has an ETag and needs If-Match to change.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );

/** Serves the document at /api/openapi.json and a browsable UI at /api/docs. */
export const serveOpenApi = (app: INestApplication): void => {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
};
