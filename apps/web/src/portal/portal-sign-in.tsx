import { ONE_TIME_CODE_DIGITS } from '@chorus/domain/client';
import { Button, Card, TextField } from '@chorus/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/problem-error';
import { FormError } from '../lib/form-error';
import { requestSignInCode } from './portal-api';
import { useConfirmCode } from './portal-queries';

/** Sign-in by a code mailed to the customer: the address first, then the code. */
export const PortalSignIn = ({
  slug,
  otherWorkspace,
}: {
  slug: string;
  otherWorkspace: string | null;
}) => {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const requestCode = useMutation({
    mutationFn: (address: string) => requestSignInCode(slug, address),
    onSuccess: (_, address) => setSentTo(address),
  });
  const confirm = useConfirmCode(slug);

  const fieldError = (error: unknown, field: string) =>
    error instanceof ProblemError ? error.fieldMessage(field) : undefined;

  const onRequest = (event: FormEvent) => {
    event.preventDefault();
    requestCode.mutate(email.trim());
  };
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (sentTo) confirm.mutate({ email: sentTo, code: code.trim() });
  };

  return (
    <Card className="portal-sign-in">
      <h1 className="portal-sign-in__title">{t('signIn.title')}</h1>
      <p className="portal-sign-in__lead">{t('signIn.lead')}</p>
      {otherWorkspace && (
        <p className="portal-sign-in__notice" role="note">
          {t('signIn.otherWorkspace', { workspace: otherWorkspace })}
        </p>
      )}
      {sentTo === null ? (
        <form className="portal-form" onSubmit={onRequest} noValidate>
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldError(requestCode.error, 'email')}
          />
          <FormError error={requestCode.error} shownBy={['email']} />
          <Button type="submit" variant="primary" loading={requestCode.isPending}>
            {t('signIn.sendCode')}
          </Button>
        </form>
      ) : (
        <form className="portal-form" onSubmit={onConfirm} noValidate>
          <p role="status">{t('signIn.codeSent', { email: sentTo })}</p>
          <TextField
            label={t('signIn.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={ONE_TIME_CODE_DIGITS}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={fieldError(confirm.error, 'code')}
          />
          <FormError error={confirm.error} shownBy={['code']} />
          <div className="portal-form__actions">
            <Button type="submit" variant="primary" loading={confirm.isPending}>
              {t('signIn.confirm')}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setSentTo(null);
                setCode('');
                confirm.reset();
              }}
            >
              {t('signIn.otherAddress')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
};
