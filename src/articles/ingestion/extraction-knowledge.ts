import { Injectable } from '@nestjs/common';
import type { ExtractionKnowledge, RegistryActor } from '@domain/extraction';
import { SqlClient } from '../../infrastructure/database/sql-client';
import { loadExtractionKnowledge } from '../../extraction/knowledge-files';

type ActorRow = {
  actor_id: string;
  name: string;
  kind: RegistryActor['kind'];
  aliases: string[];
  roles: { title: string; organisation: string; from: string; to: string | null }[];
};

/**
 * What the extractor knows: the live actor registry (the catalogue, so an editor's new alias or role counts) with
 * the topic lexicons and cue phrases kept as data beside the topics in `seeds/`.
 */
@Injectable()
export class ExtractionKnowledgeSource {
  private files: ExtractionKnowledge | null = null;
  /** The knowledge last given, and the catalogue rows it was built from. */
  private last: { rows: string; knowledge: ExtractionKnowledge } | null = null;

  constructor(private readonly sql: SqlClient) {}

  /**
   * The same object for as long as the catalogue does not change: the extractor keeps the registry's directory per
   * actor list and day, so an unchanged list is not indexed again for every article.
   */
  async current(): Promise<ExtractionKnowledge> {
    this.files ??= loadExtractionKnowledge();
    const rows = await this.sql.query<ActorRow>(
      'SELECT actor_id, name, kind, aliases, roles FROM actors ORDER BY actor_id',
    );
    const text = JSON.stringify(rows);
    if (this.last?.rows === text) return this.last.knowledge;
    const actors: RegistryActor[] = rows.map((row) => ({
      id: row.actor_id,
      name: row.name,
      kind: row.kind,
      aliases: row.aliases,
      roles: row.roles.map(({ title, organisation, from, to }) => ({ title, organisation, from, to })),
    }));
    // The seeds' registry fills in actors the catalogue has not projected yet (just after a replay); whether a
    // speaker is really registered is checked on its stream before anything is recorded.
    const registered = new Set(actors.map((actor) => actor.id));
    const knowledge = {
      ...this.files,
      actors: [...actors, ...this.files.actors.filter((actor) => !registered.has(actor.id))],
    };
    this.last = { rows: text, knowledge };
    return knowledge;
  }
}
