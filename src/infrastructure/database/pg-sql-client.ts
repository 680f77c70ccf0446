import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type CopyValue, copyText } from './copy-text';
import { copyStatement, type QueryOptions, SqlClient, type SqlExecutor, type SqlParams } from './sql-client';

/** Prepared statements are named after their text, so one text always maps to one statement on a connection. */
const statementNames = new Map<string, string>();
const statementName = (text: string): string => {
  let name = statementNames.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
};

const executor = (client: Pool | PoolClient): SqlExecutor => ({
  query: async <Row>(text: string, params: SqlParams = [], options?: QueryOptions) =>
    (options?.prepare
      ? await client.query({ name: statementName(text), text, values: params as unknown[] })
      : await client.query(text, params as unknown[])
    ).rows as Row[],
  exec: async (text: string) => {
    await client.query(text);
  },
  copyInto: async (table, columns, rows) => {
    if (rows.length === 0) return;
    const data = Buffer.from(copyText(rows));
    const copy = (connection: PoolClient) =>
      pipeline(Readable.from([data]), connection.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
    if ('release' in client) return copy(client);
    const connection = await client.connect();
    try {
      await copy(connection);
    } finally {
      connection.release();
    }
  },
});

type Session = { client: Promise<PoolClient>; users: number; broken: boolean };

/**
 * One connection of the pool, shared by several users, and given back when the last one is done with it. Its
 * queries run one after another (`query`), never two at once on the connection. A connection that fails is
 * not handed out again: the next `acquire` opens a fresh one.
 */
class SharedSession {
  private current: Session | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: Pool) {}

  /** The connection, and the function that gives this use of it back. */
  async acquire(): Promise<{ client: PoolClient; release: () => Promise<void> }> {
    if (!this.current) {
      const session: Session = { client: this.pool.connect(), users: 0, broken: false };
      this.current = session;
      session.client.then(
        (client) =>
          client.on('error', () => {
            session.broken = true;
            if (this.current === session) this.current = null;
          }),
        () => {
          if (this.current === session) this.current = null;
        },
      );
    }
    const session = this.current;
    session.users += 1;
    let client: PoolClient;
    try {
      client = await session.client;
    } catch (error) {
      session.users -= 1;
      throw error;
    }
    let released = false;
    return {
      client,
      release: async () => {
        if (released) return;
        released = true;
        session.users -= 1;
        if (session.users > 0) return;
        if (this.current === session) this.current = null;
        client.release(session.broken || undefined);
      },
    };
  }

  query<Row>(client: PoolClient, text: string, params: unknown[] = []): Promise<Row[]> {
    const result = this.tail.then(async () => (await client.query(text, params)).rows as Row[]);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export class PgSqlClient extends SqlClient {
  readonly engine = 'postgres' as const;
  private readonly pool: Pool;
  private readonly direct: SqlExecutor;
  /** Every LISTEN of this process on one connection, and every advisory lock on another. */
  private readonly listener: SharedSession;
  private readonly locker: SharedSession;
  private readonly listeners = new WeakMap<PoolClient, Map<string, Set<() => void>>>();
  /** Advisory locks stack within a session: a key held here is refused here too, as on a connection of its own. */
  private readonly held = new Set<string>();

  constructor(connectionString: string, schema: string, max = 10) {
    super();
    this.pool = new Pool({ connectionString, max, options: `-c search_path=${schema}` });
    this.pool.on('error', () => undefined);
    this.direct = executor(this.pool);
    this.listener = new SharedSession(this.pool);
    this.locker = new SharedSession(this.pool);
  }

  query<Row = Record<string, unknown>>(
    text: string,
    params?: SqlParams,
    options?: QueryOptions,
  ): Promise<Row[]> {
    return this.direct.query<Row>(text, params, options);
  }

  exec(text: string): Promise<void> {
    return this.direct.exec(text);
  }

  copyInto(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly CopyValue[])[],
  ): Promise<void> {
    return this.direct.copyInto(table, columns, rows);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const { client, release } = await this.listener.acquire();
    // Per connection: a fresh one (after a failure) listens again.
    let channels = this.listeners.get(client);
    if (!channels) {
      const byChannel = new Map<string, Set<() => void>>();
      channels = byChannel;
      this.listeners.set(client, byChannel);
      client.on('notification', (message) => byChannel.get(message.channel)?.forEach((wake) => wake()));
    }
    let callbacks = channels.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      channels.set(channel, callbacks);
      await this.listener.query(client, `LISTEN ${channel}`);
    }
    const wake = () => onNotify();
    callbacks.add(wake);
    return async () => {
      callbacks.delete(wake);
      if (callbacks.size === 0 && channels.get(channel) === callbacks) {
        channels.delete(channel);
        await this.listener.query(client, `UNLISTEN ${channel}`).catch(() => undefined);
      }
      await release();
    };
  }

  /** The key is per schema: deployments (and test suites) sharing a database in schemas of their own never contend. */
  async tryLock(key: string): Promise<(() => Promise<void>) | null> {
    if (this.held.has(key)) return null;
    this.held.add(key);
    const session = await this.locker.acquire().catch((error: unknown) => {
      this.held.delete(key);
      throw error;
    });
    try {
      const [{ locked }] = await this.locker.query<{ locked: boolean }>(
        session.client,
        "SELECT pg_try_advisory_lock(hashtext(current_schema() || ':' || $1::text)) AS locked",
        [key],
      );
      if (!locked) {
        this.held.delete(key);
        await session.release();
        return null;
      }
    } catch (error) {
      this.held.delete(key);
      await session.release();
      throw error;
    }
    const { client, release } = session;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.locker
        .query(client, "SELECT pg_advisory_unlock(hashtext(current_schema() || ':' || $1::text))", [key])
        .catch(() => undefined);
      this.held.delete(key);
      await release();
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
