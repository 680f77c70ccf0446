import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../../src/infrastructure/database/sql-client';
import type { RecordedEvent } from '../../src/infrastructure/event-store/event-store.port';
import type { Projection } from '../../src/infrastructure/read-models/projection';
import { ProjectionProcessor } from '../../src/infrastructure/read-models/projection-processor';
import { openTestDatabase, type TestDatabase } from './databases';

/** An event as a test states it; `recordedAt` defaults to the data's own. */
export type GivenEvent = { type: string; data: object; streamName?: string; recordedAt?: string };

type Rows = Record<string, unknown>[];

const streamOf = (event: GivenEvent): string => {
  if (event.streamName) return event.streamName;
  const data = event.data as Record<string, unknown>;
  if (typeof data.articleId === 'string' && !('positionId' in data)) return `article-${data.articleId}`;
  if (typeof data.actorId === 'string') return `actor-${data.actorId}`;
  if (typeof data.topicId === 'string') return `topic-${data.topicId}`;
  return 'misc';
};

/** Gives the events what the store adds on append: ids, stream revisions and log positions, in order. */
const recorder = () => {
  const revisions = new Map<string, number>();
  let position = 0;
  return (event: GivenEvent): RecordedEvent => {
    const streamName = streamOf(event);
    const revision = revisions.get(streamName) ?? 0;
    revisions.set(streamName, revision + 1);
    position += 1;
    const data = event.data as { recordedAt?: string };
    return {
      id: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { recordedBy: 'projection-spec', correlationId: randomUUID(), causationId: randomUUID() },
      streamName,
      revision: String(revision),
      position: String(position).padStart(12, '0'),
      recordedAt: event.recordedAt ?? data.recordedAt ?? '2025-01-01T00:00:00.000Z',
    };
  };
};

/**
 * Given / when / then for one projection, against a migrated PGlite: the given events and the when events are two
 * pages through the projection's real processor (checkpoint and rows in one transaction each), then a query over
 * its tables must answer exactly the expected rows. One database per spec file, emptied before each case.
 */
export class ProjectionSpec {
  private database: Promise<TestDatabase> | null = null;

  private constructor(private readonly make: (sql: SqlClient) => Projection) {
    afterAll(async () => (await this.database)?.close());
  }

  static for(make: (sql: SqlClient) => Projection): ProjectionSpec {
    return new ProjectionSpec(make);
  }

  given(...given: GivenEvent[]) {
    return {
      when: (...when: GivenEvent[]) => ({
        then: (query: string, expected: Rows) => this.run(given, when, (sql) => sql.query(query), expected),
        thenRows: (read: (sql: SqlClient) => Promise<Rows>, expected: Rows) =>
          this.run(given, when, read, expected),
      }),
    };
  }

  private async emptied(): Promise<SqlClient> {
    this.database ??= openTestDatabase('pglite');
    const { sql } = await this.database;
    const tables = await sql.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
    );
    await sql.exec(`TRUNCATE ${tables.map((table) => table.name).join(', ')} RESTART IDENTITY`);
    return sql;
  }

  private async run(
    given: GivenEvent[],
    when: GivenEvent[],
    read: (sql: SqlClient) => Promise<Rows>,
    expected: Rows,
  ): Promise<void> {
    const sql = await this.emptied();
    const record = recorder();
    const processor = new ProjectionProcessor(this.make(sql), sql);
    for (const page of [given.map(record), when.map(record)]) {
      if (page.length === 0) continue;
      await processor.process(await processor.load(), page);
    }
    expect(await read(sql)).toEqual(expected);
  }
}
