import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PersonCommand, PersonView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { TokenAuthenticator, type AuthenticatedActor } from '../../platform/auth';
import { changePerson } from '../person-changes';
import { ChangePersonCommand, type PersonChange } from './change-person.command';

const commandOf = (
  personId: string,
  change: PersonChange,
  actor: AuthenticatedActor,
  activeAdmins: number,
): PersonCommand => {
  switch (change.type) {
    case 'role':
      return { type: 'ChangeRole', personId, role: change.role, activeAdmins, actor };
    case 'deactivate':
      return { type: 'DeactivatePerson', personId, activeAdmins, actor };
    case 'reactivate':
      return { type: 'ReactivatePerson', personId, actor };
    case 'erase':
      return { type: 'ErasePerson', personId, activeAdmins, actor };
  }
};

/** A role or status that changes takes effect at once: this process forgets the person. */
@CommandHandler(ChangePersonCommand)
export class ChangePersonHandler implements ICommandHandler<ChangePersonCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  async execute({ personId, change, actor, context }: ChangePersonCommand): Promise<PersonView> {
    const { person } = await this.db.transaction((manager) =>
      changePerson(manager, this.store, context, personId, (admins) =>
        commandOf(personId, change, actor, admins),
      ),
    );
    this.authenticator.forget(personId);
    return person;
  }
}
