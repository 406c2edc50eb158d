/** The portal's own address for a workspace's page: every item has one that can be shared. */
export const portalPath = (slug: string, ...rest: string[]): string =>
  ['/p', slug, ...rest]
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join('/');

export const feedbackPath = (slug: string, id: string): string => portalPath(slug, 'feedback', id);
