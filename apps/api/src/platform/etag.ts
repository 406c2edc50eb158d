import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiPreconditionFailedResponse, ApiResponse } from '@nestjs/swagger';
import { preconditionFailed, preconditionRequired } from './problem-details';

export const etagOf = (version: number): string => `"${version}"`;

/** The version an `If-Match` header names: `"3"`, `W/"3"` or `3`. A missing header is a 428. */
export const requireIfMatchVersion = (header: string | undefined): number => {
  if (header === undefined || header.trim() === '') {
    throw preconditionRequired(
      'This edit needs an If-Match header with the version you read (the ETag of GET), so that it cannot overwrite a change you have not seen.',
    );
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw preconditionFailed(`If-Match ${header} is not a version this API issued.`);
  return Number(match[1]);
};

/** Documents an edit that needs If-Match: the header, 412 when `what` moved on, 428 without it. */
export const ApiRequiresIfMatch = (what: string) =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the version you edit',
    }),
    ApiPreconditionFailedResponse({ description: `The ${what} changed since you read it` }),
    ApiResponse({ status: 428, description: 'If-Match is missing' }),
  );
