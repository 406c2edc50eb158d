import express, { type NextFunction, type Request, type Response } from 'express';
import { ProblemException } from '../../platform/problem-details';

/** The largest CSV file an import accepts. */
export const CSV_BODY_LIMIT = '2mb';
export const CSV_MEDIA_TYPES = ['text/csv', 'application/csv'];

const parseText = express.text({ type: CSV_MEDIA_TYPES, limit: CSV_BODY_LIMIT });

/**
 * The app parses only JSON bodies; the import routes also read `text/csv`, with their own limit
 * (and a 413 that says which).
 */
export const csvBody = (request: Request, response: Response, next: NextFunction): void => {
  parseText(request, response, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      next(
        new ProblemException(
          413,
          'too-large',
          'Content too large',
          `The CSV file is larger than the ${CSV_BODY_LIMIT.toUpperCase().replace('MB', ' MB')} limit. Split it.`,
        ),
      );
      return;
    }
    next(error);
  });
};
