import { Query } from '@nestjs/cqrs';
import type { UnsubscribeTokenView } from '@chorus/domain';

export class DescribeUnsubscribeQuery extends Query<UnsubscribeTokenView> {
  constructor(readonly token: string) {
    super();
  }
}
