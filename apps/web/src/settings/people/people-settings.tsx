import { roleLabels, type ActorRoleName, type PersonView } from '@chorus/domain/client';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  Select,
  Skeleton,
  TextField,
} from '@chorus/ui';
import { useState } from 'react';
import { describeError } from '../../api/problem-error';
import { useCan } from '../../auth/use-can';
import { ErasePersonDialog } from '../../customers/erase-dialog';
import { isErasedPerson } from '../../customers/erasure';
import { PlusIcon, UsersIcon } from '../../icons';
import { formatDateTime, formatRelativeTime, plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useChangeRole, usePeople } from '../../queries/people';
import { InvitePersonDialog } from './invite-person-dialog';
import {
  OwnRoleDialog,
  StatusDialog,
  type OwnRoleChange,
  type StatusChange,
} from './person-dialogs';
import { invitationExpired, roleOptions, statusLabels, statusTones } from './people-ui';

const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

type RowProps = {
  person: PersonView;
  isMe: boolean;
  now: number;
  saving: boolean;
  roleError: string | undefined;
  onRole: (role: ActorRoleName) => void;
  onStatus: (active: boolean) => void;
  /** Null when they may not be erased: oneself, the erased, or without the permission. */
  onErase: (() => void) | null;
};

const PersonRow = ({
  person,
  isMe,
  now,
  saving,
  roleError,
  onRole,
  onStatus,
  onErase,
}: RowProps) => {
  const expired = invitationExpired(person, now);
  // Nothing can be done to an erased person any more.
  const erased = isErasedPerson(person);
  return (
    <tr data-testid="person-row" data-person-id={person.id} data-status={person.status}>
      <th scope="row">
        {person.name}
        {isMe && (
          <>
            {' '}
            <Badge tone="accent">You</Badge>
          </>
        )}
      </th>
      <td>{erased ? '—' : person.email}</td>
      <td className="people-admin__role">
        <Select
          label={`Role of ${person.name}`}
          hideLabel
          options={roleOptions}
          value={person.role}
          disabled={saving || erased}
          aria-busy={saving || undefined}
          error={roleError}
          onChange={(event) => onRole(event.target.value as ActorRoleName)}
        />
      </td>
      <td>
        <Badge tone={expired ? 'amber' : statusTones[person.status]} dot={!erased}>
          {expired ? 'Invitation expired' : statusLabels[person.status]}
        </Badge>
        {person.status === 'invited' && person.invitationExpiresAt && !expired && (
          <span className="table__hint people-admin__when">
            Link valid until <When iso={person.invitationExpiresAt} now={now} />
          </span>
        )}
      </td>
      <td>{person.lastSignInAt ? <When iso={person.lastSignInAt} now={now} /> : 'Never'}</td>
      <td>{person.hasPassword ? 'Yes' : 'No'}</td>
      <td className="people-admin__actions">
        {/* Nobody deactivates themselves: another admin does. */}
        {!isMe &&
          !erased &&
          (person.status === 'deactivated' ? (
            <Button size="sm" variant="ghost" onClick={() => onStatus(true)}>
              Reactivate<span className="ui-visually-hidden"> {person.name}</span>
            </Button>
          ) : (
            <Button size="sm" variant="ghost" onClick={() => onStatus(false)}>
              Deactivate<span className="ui-visually-hidden"> {person.name}</span>
            </Button>
          ))}
        {onErase && (
          <Button size="sm" variant="ghost" onClick={onErase}>
            Erase<span className="ui-visually-hidden"> {person.name}</span>
          </Button>
        )}
      </td>
    </tr>
  );
};

const matches = (person: PersonView, filter: string) => {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${person.name} ${person.email} ${roleLabels[person.role]}`.toLowerCase();
  return words.every((word) => text.includes(word));
};

/** The people of the workspace (admins only): invited, given roles, deactivated and back. */
export const PeopleSettings = ({ meId }: { meId: string }) => {
  const people = usePeople();
  const changeRole = useChangeRole(meId);
  const now = useNow();
  const [filter, setFilter] = useState('');
  const [inviting, setInviting] = useState(false);
  const [ownRole, setOwnRole] = useState<OwnRoleChange | null>(null);
  const [statusChange, setStatusChange] = useState<StatusChange | null>(null);
  const eraser = useCan()('privacy.erase');
  const [erasing, setErasing] = useState<PersonView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = people.data?.items ?? [];
  const shown = items.filter((person) => matches(person, filter));
  const active = items.filter((person) => person.status === 'active').length;

  const announceRole = (person: PersonView) =>
    setAnnouncement(`${person.name} is now ${roleLabels[person.role].toLowerCase()}.`);

  const onRole = (person: PersonView, role: ActorRoleName) => {
    if (person.id === meId) {
      setOwnRole({ person, role });
      return;
    }
    changeRole.mutate({ id: person.id, role }, { onSuccess: announceRole });
  };

  const roleErrorOf = (person: PersonView) =>
    changeRole.isError && changeRole.variables.id === person.id
      ? describeError(changeRole.error)
      : undefined;

  return (
    <div className="settings">
      <div className="people-admin__intro">
        <p className="detail__muted">
          Everyone who works on the product here, with what their role lets them do. Invite people
          with a link; deactivating someone signs them out everywhere at once.
        </p>
        <Button variant="primary" icon={<PlusIcon />} onClick={() => setInviting(true)}>
          Invite someone
        </Button>
      </div>
      <Card padded={false}>
        {people.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 4 }, (_, index) => (
              <Skeleton key={index} height="1.5rem" />
            ))}
          </div>
        ) : people.isLoadingError ? (
          <ErrorState
            title="Couldn't load the people"
            detail={describeError(people.error)}
            onRetry={() => void people.refetch()}
            retrying={people.isFetching}
          />
        ) : (
          <>
            <div className="people-admin__filter">
              <TextField
                label="Filter people"
                hideLabel
                type="search"
                placeholder="Filter by name, email or role"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </div>
            {shown.length === 0 ? (
              <EmptyState
                icon={<UsersIcon />}
                title={items.length === 0 ? 'Nobody here yet' : 'Nobody matches'}
                hint={
                  items.length === 0
                    ? 'Invite the people you work with: each gets a link to choose a password.'
                    : 'Try another name, email or role.'
                }
              />
            ) : (
              <div className="people-admin__scroll">
                <table className="table" aria-busy={people.isFetching}>
                  <caption className="ui-visually-hidden">
                    People of the workspace, active first
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col">Status</th>
                      <th scope="col">Last sign-in</th>
                      <th scope="col">Password</th>
                      <th scope="col">
                        <span className="ui-visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((person) => (
                      <PersonRow
                        key={person.id}
                        person={person}
                        isMe={person.id === meId}
                        now={now}
                        saving={changeRole.isPending && changeRole.variables.id === person.id}
                        roleError={roleErrorOf(person)}
                        onRole={(role) => onRole(person, role)}
                        onStatus={(activate) => setStatusChange({ person, active: activate })}
                        onErase={
                          eraser && person.id !== meId && !isErasedPerson(person)
                            ? () => setErasing(person)
                            : null
                        }
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="feedback-list__footer">
              <span className="feedback-list__end">
                {plural(items.length, 'person', 'people')}, {active.toLocaleString()} active
              </span>
            </div>
          </>
        )}
      </Card>
      <p className="ui-visually-hidden" role="status">
        {announcement}
      </p>
      <InvitePersonDialog open={inviting} onClose={() => setInviting(false)} />
      <OwnRoleDialog
        change={ownRole}
        onClose={() => setOwnRole(null)}
        onChanged={(person) => {
          setOwnRole(null);
          announceRole(person);
        }}
      />
      <StatusDialog
        change={statusChange}
        onClose={() => setStatusChange(null)}
        onChanged={(person) => {
          setStatusChange(null);
          setAnnouncement(
            `${person.name} is ${person.status === 'deactivated' ? 'deactivated' : 'active again'}.`,
          );
        }}
      />
      <ErasePersonDialog
        person={erasing}
        onClose={() => setErasing(null)}
        onErased={() => {
          setAnnouncement(`${erasing?.name ?? 'The person'} was erased.`);
          setErasing(null);
        }}
      />
    </div>
  );
};
