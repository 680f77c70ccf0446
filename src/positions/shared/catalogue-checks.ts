import { Injectable } from '@nestjs/common';
import { ActorNotFoundError } from '@domain/actors';
import { TopicNotFoundError } from '@domain/topics';
import { SqlClient } from '../../infrastructure/database/sql-client';

/** 404s for reads: an id the catalogue has never seen. */
@Injectable()
export class CatalogueChecks {
  constructor(private readonly sql: SqlClient) {}

  async actorExists(actorId: string): Promise<void> {
    const rows = await this.sql.query('SELECT 1 FROM actors WHERE actor_id = $1', [actorId]);
    if (rows.length === 0) throw new ActorNotFoundError(actorId);
  }

  async topicExists(topicId: string): Promise<void> {
    const rows = await this.sql.query('SELECT 1 FROM topics WHERE topic_id = $1', [topicId]);
    if (rows.length === 0) throw new TopicNotFoundError(topicId);
  }
}
