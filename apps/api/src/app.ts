import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule, type ApiConfig } from './app.module';
import { serveOpenApi } from './openapi';
import { applyHardening, RedactingLogger } from './platform/hardening';

export type CreateAppOptions = ApiConfig & {
  /** The built admin app (apps/web/dist), served beside the API on the same origin. */
  webDistDir?: string;
  logger?: false | LogLevel[];
};

const serveWebApp = (app: NestExpressApplication, dir: string) => {
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Client-side routes get the app shell; /api stays the API's.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(dir, 'index.html'));
  });
};

export const createApp = async (options: CreateAppOptions): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    logger:
      options.logger === false
        ? false
        : new RedactingLogger(options.logger ?? ['error', 'warn', 'log']),
  });
  applyHardening(app, options.hardening);
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // ETags here are versions for If-Match, not cache validators: a vote changes the body of an
  // item without changing its version, so a 304 would serve a stale count.
  app.set('etag', false);
  app.use('/api', (request: Request, response: Response, next: NextFunction) => {
    delete request.headers['if-none-match'];
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  serveOpenApi(app);
  if (options.webDistDir && existsSync(join(options.webDistDir, 'index.html'))) {
    serveWebApp(app, options.webDistDir);
  }
  return app;
};
