import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

export type Location = { path: string; query: URLSearchParams };

const current = (): Location => ({ path: location.pathname, query: new URLSearchParams(location.search) });

export const useLocation = (): Location => {
  const [where, setWhere] = useState(current);
  useEffect(() => {
    const listener = () => setWhere(current());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return where;
};

export const navigate = (href: string, { replace = false } = {}): void => {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  notify();
  if (!replace) window.scrollTo(0, 0);
};

/** Rewrites the query of the current URL (deep links) without a new history entry or a re-render. */
export const replaceQuery = (query: Record<string, string | null | undefined>): void => {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') params.delete(name);
    else params.set(name, value);
  }
  const text = params.toString();
  history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}`);
};

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

export const Link = ({ href, children, ...rest }: LinkProps) => (
  <a
    {...rest}
    href={href}
    onClick={(event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      event.preventDefault();
      navigate(href);
    }}
  >
    {children}
  </a>
);
