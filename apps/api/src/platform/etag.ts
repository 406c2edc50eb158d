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
