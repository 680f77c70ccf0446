import { useEffect, useState } from 'preact/hooks';

const STORAGE_KEY = 'positions.apiKey';

type Session = { key: string | null; refused: string | null };

const readStored = (): string | null => {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

let session: Session = { key: readStored(), refused: null };
const listeners = new Set<() => void>();

const update = (next: Session) => {
  session = next;
  for (const listener of listeners) listener();
};

export const apiKey = {
  get value(): string | null {
    return session.key;
  },
};

/** Kept in sessionStorage: this tab only, gone when it closes. */
export const signIn = (key: string): void => {
  sessionStorage.setItem(STORAGE_KEY, key);
  update({ key, refused: null });
};

export const signOut = (): void => {
  sessionStorage.removeItem(STORAGE_KEY);
  update({ key: null, refused: null });
};

/** A 401: reads need a key (READ_REQUIRES_KEY), or the one we sent is not valid. */
export const noteKeyRefused = (code: string): void => {
  if (session.refused !== code) update({ ...session, refused: code });
};

export const useSession = (): Session => {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((version) => version + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return session;
};
