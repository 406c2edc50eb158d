/** Text-search configurations Postgres ships with; one of them stems and filters Chorus's search. */
export const searchLanguages = [
  'simple',
  'danish',
  'dutch',
  'english',
  'finnish',
  'french',
  'german',
  'hungarian',
  'italian',
  'norwegian',
  'portuguese',
  'romanian',
  'russian',
  'spanish',
  'swedish',
  'turkish',
] as const;
export type SearchLanguage = (typeof searchLanguages)[number];

/**
 * The language search documents and queries are parsed in (`CHORUS_SEARCH_LANGUAGE`, default
 * English). The worker writes vectors in it and the API queries in it; after changing it,
 * rebuild the projections.
 */
export const searchLanguage = (env: NodeJS.ProcessEnv = process.env): SearchLanguage => {
  const configured = (env.CHORUS_SEARCH_LANGUAGE ?? 'english').toLowerCase();
  const known = searchLanguages.find((l) => l === configured);
  if (!known) {
    throw new Error(
      `CHORUS_SEARCH_LANGUAGE=${configured} is not one of: ${searchLanguages.join(', ')}.`,
    );
  }
  return known;
};
