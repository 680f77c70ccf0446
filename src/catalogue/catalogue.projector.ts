import { Injectable } from '@nestjs/common';
import { type Actor, type ActorEvent, evolveActor, isActorEvent } from '@domain/actors';
import { evolveTopic, parentTopicId, type Topic, type TopicEvent } from '@domain/topics';
import type { SqlExecutor } from '../infrastructure/database/sql-client';
import type { RecordedEvent } from '../infrastructure/event-store/event-store.port';
import { Projection, type TableNames } from '../infrastructure/read-models/projection';

type Registered<T> = Extract<T, { status: 'registered' }>;
type Stamped<T> = { state: T; registeredAt: string; updatedAt: string };

const isTopicEvent = (event: { type: string }): event is TopicEvent =>
  event.type === 'TopicRegistered' || event.type === 'TopicReworded';

/** The actor and topic catalogue, folded with the same evolve functions the deciders use. */
@Injectable()
export class CatalogueProjector extends Projection {
  readonly name = 'catalogue';
  readonly tables = ['actors', 'topics'];

  handles(event: RecordedEvent): boolean {
    return isActorEvent(event) || isTopicEvent(event);
  }

  async apply(tx: SqlExecutor, events: RecordedEvent[], tables: TableNames): Promise<void> {
    await this.applyActors(
      tx,
      events.filter(isActorEvent) as unknown as (RecordedEvent & ActorEvent)[],
      tables.actors,
    );
    await this.applyTopics(
      tx,
      events.filter(isTopicEvent) as unknown as (RecordedEvent & TopicEvent)[],
      tables.topics,
    );
  }

  private async applyActors(tx: SqlExecutor, events: (RecordedEvent & ActorEvent)[], table: string) {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((event) => event.data.actorId))];
    const rows = await tx.query<{
      actor_id: string;
      name: string;
      kind: 'person' | 'institution';
      aliases: string[];
      roles: Registered<Actor>['roles'][string][];
      registered_at: Date;
    }>(
      `SELECT actor_id, name, kind, aliases, roles, registered_at FROM ${table} WHERE actor_id = ANY($1::text[])`,
      [ids],
    );
    const actors = new Map<string, Stamped<Actor>>(
      rows.map((row) => [
        row.actor_id,
        {
          state: {
            status: 'registered',
            actorId: row.actor_id,
            name: row.name,
            kind: row.kind,
            aliases: row.aliases,
            roles: Object.fromEntries(row.roles.map((role) => [role.roleId, role])),
          },
          registeredAt: new Date(row.registered_at).toISOString(),
          updatedAt: '',
        },
      ]),
    );
    for (const event of events) {
      const before = actors.get(event.data.actorId);
      const state = evolveActor(before?.state ?? { status: 'unregistered' }, event);
      actors.set(event.data.actorId, {
        state,
        registeredAt: before?.registeredAt ?? event.data.recordedAt,
        updatedAt: event.data.recordedAt,
      });
    }
    const records = [...actors.values()]
      .filter((actor) => actor.updatedAt && actor.state.status === 'registered')
      .map(({ state, registeredAt, updatedAt }) => {
        const actor = state as Registered<Actor>;
        const roles = Object.values(actor.roles).sort((a, b) => a.from.localeCompare(b.from));
        return {
          actor_id: actor.actorId,
          name: actor.name,
          kind: actor.kind,
          aliases: actor.aliases,
          roles,
          registered_at: registeredAt,
          updated_at: updatedAt,
        };
      });
    await tx.query(
      `INSERT INTO ${table} (actor_id, name, kind, aliases, roles, registered_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(actor_id text, name text, kind text, aliases jsonb, roles jsonb, registered_at timestamptz, updated_at timestamptz)
       ON CONFLICT (actor_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases,
         roles = EXCLUDED.roles, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(records)],
    );
  }

  private async applyTopics(tx: SqlExecutor, events: (RecordedEvent & TopicEvent)[], table: string) {
    const topics = new Map<string, Stamped<Topic>>();
    for (const event of events) {
      const before = topics.get(event.data.topicId);
      topics.set(event.data.topicId, {
        state: evolveTopic(before?.state ?? { status: 'unregistered' }, event),
        registeredAt: before?.registeredAt ?? event.data.recordedAt,
        updatedAt: event.data.recordedAt,
      });
    }
    if (topics.size === 0) return;
    const records = [...topics.values()].map(({ state, registeredAt, updatedAt }) => {
      const topic = state as Registered<Topic>;
      return {
        topic_id: topic.topicId,
        parent_id: parentTopicId(topic.topicId),
        title: topic.title,
        proposition: topic.proposition,
        registered_at: registeredAt,
        updated_at: updatedAt,
      };
    });
    await tx.query(
      `INSERT INTO ${table} (topic_id, parent_id, title, proposition, registered_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(topic_id text, parent_id text, title text, proposition text, registered_at timestamptz, updated_at timestamptz)
       ON CONFLICT (topic_id) DO UPDATE SET title = EXCLUDED.title, proposition = EXCLUDED.proposition,
         updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(records)],
    );
  }
}
