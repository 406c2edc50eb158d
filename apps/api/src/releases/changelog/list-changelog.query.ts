import { Query } from '@nestjs/cqrs';
import type { ChangelogPage } from '@chorus/domain';

/** A workspace's changelog: the caller's own, or a public one by its slug (null if none). */
export class ListChangelogQuery extends Query<ChangelogPage | null> {
  constructor(
    readonly workspace: { id: string } | { slug: string },
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
