import { useState } from 'preact/hooks';
import { signIn, signOut } from '../session';

type Props = { session: { key: string | null; refused: string | null } };

/** An editor's API key, for this tab only (sessionStorage); reading needs none unless the API says so. */
export const SignIn = ({ session }: Props) => {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const needed = session.refused !== null;
  if (session.key && session.refused !== 'AUTH.INVALID_KEY') {
    return (
      <div class="sign-in">
        <span class="signed-in">Signed in (this tab)</span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  if (!open && !needed) {
    return (
      <div class="sign-in">
        <button type="button" onClick={() => setOpen(true)}>
          Sign in
        </button>
      </div>
    );
  }
  return (
    <form
      class="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) signIn(draft.trim());
        setDraft('');
        setOpen(false);
      }}
    >
      {needed && (
        <p class="sign-in-why" role="alert">
          {session.refused === 'AUTH.INVALID_KEY'
            ? 'The API refused this key; sign in with another.'
            : 'This service needs an API key even to read.'}
        </p>
      )}
      <label for="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <button type="submit">Sign in</button>
    </form>
  );
};
