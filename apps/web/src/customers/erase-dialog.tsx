import type { CustomerView, PersonView } from '@chorus/domain/client';
import { ConfirmDialog, TextField } from '@chorus/ui';
import { useState, type ReactNode } from 'react';
import { FormError } from '../lib/form-error';
import { useEraseCustomer, useErasePerson, type ErasedCustomer } from './erasure';

type TypedConfirmProps = {
  open: boolean;
  title: string;
  description: string;
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
const TypedConfirmDialog = ({
  open,
  title,
  description,
  consequences,
  confirmWith,
  confirmWhat,
  pending,
  error,
  onCancel,
  onErase,
}: TypedConfirmProps) => {
  const [typed, setTyped] = useState('');
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    // Each erasure starts with nothing typed, however the last one ended.
    setWasOpen(open);
    setTyped('');
  }
  return (
    <ConfirmDialog
      open={open}
      title={title}
      description={description}
      confirmLabel="Erase for good"
      tone="danger"
      pending={pending}
      confirmDisabled={typed.trim() !== confirmWith}
      error={<FormError error={error} />}
      onConfirm={onErase}
      onCancel={onCancel}
    >
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
        data-autofocus
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
    </ConfirmDialog>
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
}) => {
  const erase = useEraseCustomer();
  // A failure shown for one customer must not greet the next.
  const cancel = () => {
    erase.reset();
    onClose();
  };
  return (
    <TypedConfirmDialog
      open={customer !== null}
      title={customer ? `Erase ${customer.name}?` : 'Erase customer'}
      description="For a person who asked to be forgotten (GDPR)."
      consequences={
        customer && (
          <>
            <p>
              <strong>This cannot be undone.</strong> {customer.name}&apos;s name, email and
              external id are gone everywhere, for good: from every list and page, from the history,
              and from what Chorus sends to other systems. If they have a portal account, it stops
              working.
            </p>
            <p>
              Their votes, feedback and comments stay and keep counting, under “Erased customer”.
            </p>
          </>
        )
      }
      confirmWith={customer?.externalId ?? ''}
      confirmWhat="their external id"
      pending={erase.isPending}
      error={erase.error}
      onCancel={cancel}
      onErase={() => {
        if (customer) erase.mutate(customer.externalId, { onSuccess: onErased });
      }}
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
}) => {
  const erase = useErasePerson();
  const cancel = () => {
    erase.reset();
    onClose();
  };
  return (
    <TypedConfirmDialog
      open={person !== null}
      title={person ? `Erase ${person.name}?` : 'Erase person'}
      description="For someone who asked to be forgotten (GDPR)."
      consequences={
        person && (
          <>
            <p>
              <strong>This cannot be undone.</strong> {person.name}&apos;s name and email are gone
              for good, and they can never sign in again: their sessions, password and token stop
              working at once.
            </p>
            <p>What they did in the workspace stays, under “Erased person”.</p>
          </>
        )
      }
      confirmWith={person?.name ?? ''}
      confirmWhat="their name"
      pending={erase.isPending}
      error={erase.error}
      onCancel={cancel}
      onErase={() => {
        if (person) erase.mutate(person.id, { onSuccess: onErased });
      }}
    />
  );
};
