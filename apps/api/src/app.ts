import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule, type ApiConfig } from './app.module';
import { serveOpenApi } from './openapi';
import { applyHardening, RedactingLogger } from './platform/hardening';

export type CreateAppOptions = ApiConfig & {
  /** The built admin app (apps/web/dist), served beside the API on the same origin. */
  webDistDir?: string;
  logger?: false | LogLevel[];
  /** The built embeddable widget (apps/widget/dist/chorus-widget.js), served as /widget.js. */
  widgetFile?: string;
};

/** Beside this API's build in the monorepo: apps/api/dist → apps/widget/dist. */
const WIDGET_FILE = resolve(__dirname, '../../widget/dist/chorus-widget.js');

/**
 * Any site may load the widget's script (what it may call is up to CORS_ORIGINS): helmet's
 * same-origin resource policy is lifted for it alone. Its address never changes, so it is cached
 * for an hour and served stale for a day while revalidating (by ETag) in the background.
 */
const serveWidget = (app: NestExpressApplication, file: string) => {
  app.use('/widget.js', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      next();
      return;
    }
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Cache-Control', 'public, max-age=3600, stale-while-revalidate=86400');
    response.sendFile(file, { cacheControl: false });
  });
};

/**
 * The admin app's and the widget's files, brotli or gzip for whoever accepts it. The API's own
 * answers are left as they are: some of them are streams a buffer would hold back.
 */
const compressStaticFiles = compression({
  filter: (request: Request, response: Response) =>
    !request.path.startsWith('/api') && compression.filter(request, response),
});

const serveWebApp = (app: NestExpressApplication, dir: string) => {
  const assets = join(dir, 'assets');
  app.use(
    '/assets',
    // Vite names every file in assets/ after its content: a new build, new names.
    express.static(assets, { index: false, immutable: true, maxAge: '1y' }),
  );
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
  app.use(compressStaticFiles);
  serveOpenApi(app);
  const widgetFile = options.widgetFile ?? WIDGET_FILE;
  if (existsSync(widgetFile)) serveWidget(app, widgetFile);
  if (options.webDistDir && existsSync(join(options.webDistDir, 'index.html'))) {
    serveWebApp(app, options.webDistDir);
  }
  return app;
};
