import { Button, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { BrandMark } from '../icons';
import { extractToken, signIn } from './auth-store';

export const SignInScreen = ({ notice }: { notice: string | null }) => {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = extractToken(value);
    if (!token) {
      setError('Paste your access token to continue.');
      return;
    }
    signIn(token);
  };

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__brand">
          <BrandMark />
          <span>Chorus</span>
        </div>
        <h1 className="sign-in__title">Sign in to your workspace</h1>
        <p className="sign-in__lead">
          Paste the access token from the link the Chorus launcher printed (the part after{' '}
          <code>#token=</code>). Opening that link signs you in directly.
        </p>
        {notice && (
          <p className="sign-in__notice" role="alert">
            {notice}
          </p>
        )}
        <form className="sign-in__form" onSubmit={submit} noValidate>
          <TextField
            data-testid="token-input"
            label="Access token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={value}
            error={error}
            onChange={(event) => {
              setValue(event.target.value);
              setError(undefined);
            }}
          />
          <Button type="submit" variant="primary" size="lg">
            Sign in
          </Button>
        </form>
      </div>
    </main>
  );
};
