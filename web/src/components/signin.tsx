// Sign in with an API key (`landbridge keys add` prints one). The key is checked against
// GET /v1/whoami before it is kept; a refused key shows the server's reason at the field.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { getApiKey, setApiKey } from '../state/session';
import { fetchCaller, useCaller } from '../state/whoami';
import { errorText } from './problem';

export function SignIn() {
  const t = useT();
  const { caller } = useCaller();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (caller && getApiKey()) {
    return (
      <div class="signin" data-testid="signed-in">
        <span class="who" title={caller.keyId}>
          {caller.party} · {t(`role.${caller.role}`)}
        </span>
        <button type="button" class="link" onClick={() => setApiKey(null)}>
          {t('signin.signOut')}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div class="signin">
        <button type="button" onClick={() => setOpen(true)} data-testid="signin-open">
          {t('signin.open')}
        </button>
      </div>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const previous = getApiKey();
    setApiKey(key.trim());
    try {
      await fetchCaller();
      setOpen(false);
      setKey('');
    } catch (err) {
      setApiKey(previous);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="signin" onSubmit={submit}>
      <label for="api-key">{t('signin.label')}</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        placeholder="lb_…"
        value={key}
        onInput={(e) => setKey((e.target as HTMLInputElement).value)}
        aria-describedby={error ? 'api-key-error' : undefined}
        aria-invalid={!!error}
        required
      />
      <button type="submit" disabled={busy}>
        {t('signin.submit')}
      </button>
      <button type="button" class="link" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
      {error && (
        <small id="api-key-error" class="error" role="alert">
          {error}
        </small>
      )}
    </form>
  );
}
