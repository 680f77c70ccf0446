import { useEffect, useState } from 'preact/hooks';
import { apiKey, noteKeyRefused } from './session';
import type { Page } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | undefined | null>;

export const withQuery = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

/**
 * Read-your-writes for the tab: a write answers with the log position of what it stored, and the reads that follow
 * send it back, so the server answers them only once its read models hold that write (a catalogue read right after
 * registering a topic would otherwise race the projection). Dropped once a read that carried it has succeeded.
 */
const CONSISTENCY = 'Positions-Consistency';
let lastWrite: string | null = null;

const request = async <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = apiKey.value;
  if (key) headers.Authorization = `Bearer ${key}`;
  const carried = method === 'GET' ? lastWrite : null;
  if (carried) headers[CONSISTENCY] = carried;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = json?.error ?? {
      code: `HTTP.${response.status}`,
      message: response.statusText,
      details: {},
    };
    if (response.status === 401) noteKeyRefused(error.code);
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  if (method !== 'GET') lastWrite = response.headers.get(CONSISTENCY) ?? lastWrite;
  else if (carried && lastWrite === carried) lastWrite = null;
  return json as T;
};

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  request<T>('GET', withQuery(path, query), undefined, signal);

export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);

/** Every page of a cursor-paged list, `limit` at a time. */
export const allPages = async <T, P extends Page<T> = Page<T>>(
  path: string,
  query: Query = {},
  signal?: AbortSignal,
): Promise<{ first: P; items: T[] }> => {
  let first: P | null = null;
  const items: T[] = [];
  let after: string | null = null;
  do {
    const page: P = await get<P>(path, { ...query, limit: 500, after }, signal);
    first ??= page;
    items.push(...page.items);
    after = page.next;
  } while (after);
  return { first: first as P, items };
};

export type Loaded<T> = { data: T | null; error: ApiError | Error | null; loading: boolean };

/** Runs `load` whenever `deps` change; an answer that arrives after newer deps is dropped. */
export const useLoad = <T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> => {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: null, loading: false }),
      (error: Error) => !controller.signal.aborted && setState({ data: null, error, loading: false }),
    );
    return () => controller.abort();
  }, [...deps, apiKey.value]);
  return state;
};

export const errorText = (error: Error): string =>
  error instanceof ApiError ? `${error.message} (${error.status} ${error.code})` : error.message;
