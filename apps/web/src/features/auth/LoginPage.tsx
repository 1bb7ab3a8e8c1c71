import { type FormEvent, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, inputClass } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { useLogin, useSession } from './api';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data?.user) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-4">
      <div className="w-full max-w-sm">
        <div className="mb-3 flex justify-end">
          <LanguageSwitch />
        </div>
        <form
          onSubmit={submit}
          className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h1 className="text-xl font-semibold">{t('login.title')}</h1>
          <Field label={t('login.username')}>
            <input
              className={inputClass}
              autoComplete="username"
              required
              maxLength={64}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
            />
          </Field>
          <Field label={t('login.password')}>
            <input
              className={inputClass}
              type="password"
              autoComplete="current-password"
              required
              maxLength={256}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </Field>
          {login.error ? <ErrorPanel error={login.error} /> : null}
          <Button
            type="submit"
            variant="primary"
            className="w-full justify-center"
            disabled={login.isPending}
            data-testid="login-submit"
          >
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </div>
    </main>
  );
}
