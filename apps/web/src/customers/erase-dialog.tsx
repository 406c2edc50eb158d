import type { CustomerView, PersonView } from '@chorus/domain/client';
import { Button, Dialog, TextField } from '@chorus/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormError } from '../lib/form-error';
import { useEraseCustomer, useErasePerson, type ErasedCustomer } from './erasure';

type ConfirmProps = {
  /** What happens, in a sentence or two. */
  consequences: ReactNode;
  /** What must be typed to confirm, and what it is ("their external id"). */
  confirmWith: string;
  confirmWhat: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onErase: () => void;
};

/** Erasing cannot be undone: it takes typing who it is, so that a slip of the mouse cannot. */
const TypedConfirm = ({
  consequences,
  confirmWith,
  confirmWhat,
  pending,
  error,
  onCancel,
  onErase,
}: ConfirmProps) => {
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim() === confirmWith;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirmed) onErase();
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="composer__fields">
        <div className="banner banner--danger">{consequences}</div>
        <TextField
          label={`Type ${confirmWhat} to confirm`}
          hint={
            <>
              Type <strong className="erase-dialog__phrase">{confirmWith}</strong> exactly.
            </>
          }
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <FormError error={error} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" loading={pending} disabled={!confirmed}>
          Erase for good
        </Button>
      </footer>
    </form>
  );
};

const EraseCustomer = ({
  customer,
  onCancel,
  onErased,
}: {
  customer: CustomerView;
  onCancel: () => void;
  onErased: (erased: ErasedCustomer) => void;
}) => {
  const erase = useEraseCustomer();
  return (
    <TypedConfirm
      consequences={
        <>
          <p>
            <strong>This cannot be undone.</strong> {customer.name}&apos;s name, email and external
            id are gone everywhere, for good: from every list and page, from the history, and from
            what Chorus sends to other systems. If they have a portal account, it stops working.
          </p>
          <p>Their votes, feedback and comments stay and keep counting, under “Erased customer”.</p>
        </>
      }
      confirmWith={customer.externalId}
      confirmWhat="their external id"
      pending={erase.isPending}
      error={erase.error}
      onCancel={onCancel}
      onErase={() => erase.mutate(customer.externalId, { onSuccess: onErased })}
    />
  );
};

/** Erases an end user (GDPR) once their external id is typed. */
export const EraseCustomerDialog = ({
  customer,
  onClose,
  onErased,
}: {
  customer: CustomerView | null;
  onClose: () => void;
  onErased: (erased: ErasedCustomer) => void;
}) => (
  <Dialog
    open={customer !== null}
    onClose={onClose}
    title={customer ? `Erase ${customer.name}?` : 'Erase customer'}
    description="For a person who asked to be forgotten (GDPR)."
  >
    {customer && <EraseCustomer customer={customer} onCancel={onClose} onErased={onErased} />}
  </Dialog>
);

const ErasePerson = ({
  person,
  onCancel,
  onErased,
}: {
  person: PersonView;
  onCancel: () => void;
  onErased: (erased: PersonView) => void;
}) => {
  const erase = useErasePerson();
  return (
    <TypedConfirm
      consequences={
        <>
          <p>
            <strong>This cannot be undone.</strong> {person.name}&apos;s name and email are gone for
            good, and they can never sign in again: their sessions, password and token stop working
            at once.
          </p>
          <p>What they did in the workspace stays, under “Erased person”.</p>
        </>
      }
      confirmWith={person.name}
      confirmWhat="their name"
      pending={erase.isPending}
      error={erase.error}
      onCancel={onCancel}
      onErase={() => erase.mutate(person.id, { onSuccess: onErased })}
    />
  );
};

/** Erases a member of the workspace's account (GDPR) once their name is typed. */
export const ErasePersonDialog = ({
  person,
  onClose,
  onErased,
}: {
  person: PersonView | null;
  onClose: () => void;
  onErased: (erased: PersonView) => void;
}) => (
  <Dialog
    open={person !== null}
    onClose={onClose}
    title={person ? `Erase ${person.name}?` : 'Erase person'}
    description="For someone who asked to be forgotten (GDPR)."
  >
    {person && <ErasePerson person={person} onCancel={onClose} onErased={onErased} />}
  </Dialog>
);
