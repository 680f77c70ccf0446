import { Pool, type PoolClient } from 'pg';
import { SqlClient, type SqlExecutor, type SqlParams } from './sql-client';

const executor = (client: Pool | PoolClient): SqlExecutor => ({
  query: async <Row>(text: string, params: SqlParams = []) =>
    (await client.query(text, params as unknown[])).rows as Row[],
  exec: async (text: string) => {
    await client.query(text);
  },
});

export class PgSqlClient extends SqlClient {
  readonly engine = 'postgres' as const;
  private readonly pool: Pool;
  private readonly direct: SqlExecutor;

  constructor(connectionString: string, schema: string, max = 10) {
    super();
    this.pool = new Pool({ connectionString, max, options: `-c search_path=${schema}` });
    this.pool.on('error', () => undefined);
    this.direct = executor(this.pool);
  }

  query<Row = Record<string, unknown>>(text: string, params?: SqlParams): Promise<Row[]> {
    return this.direct.query<Row>(text, params);
  }

  exec(text: string): Promise<void> {
    return this.direct.exec(text);
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
    const client = await this.pool.connect();
    client.on('notification', (message) => message.channel === channel && onNotify());
    await client.query(`LISTEN ${channel}`);
    return async () => {
      await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
      client.release();
    };
  }

  async tryLock(key: string): Promise<(() => Promise<void>) | null> {
    const client = await this.pool.connect();
    try {
      const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]))
        .rows;
      if (!locked) {
        client.release();
        return null;
      }
    } catch (error) {
      client.release(true);
      throw error;
    }
    return async () => {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      client.release();
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
