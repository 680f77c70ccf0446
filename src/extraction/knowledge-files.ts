import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionKnowledge, RegistryActor, StanceCues, TopicLexicon } from '@domain/extraction';
import { projectRoot } from '../infrastructure/project-root';

type SeedActor = Omit<RegistryActor, 'aliases' | 'roles'> & {
  aliases?: string[];
  roles?: { title: string; organisation: string; from: string | null; to?: string | null }[];
};

const readJson = <T>(folder: string, name: string): T => {
  const path = join(folder, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** The registry, topic lexicons and stance cues the extractor works from, as kept in `seeds/`. */
export const loadExtractionKnowledge = (seedsDir = join(projectRoot(), 'seeds')): ExtractionKnowledge => {
  const actors = readJson<SeedActor[]>(seedsDir, 'actors.json').map((actor) => ({
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    aliases: actor.aliases ?? [],
    roles: (actor.roles ?? []).map((role) => ({
      title: role.title,
      organisation: role.organisation,
      from: role.from ?? null,
      to: role.to ?? null,
    })),
  }));
  return {
    actors,
    topics: readJson<TopicLexicon[]>(seedsDir, 'topic-lexicon.json'),
    cues: readJson<StanceCues>(seedsDir, 'stance-cues.json'),
  };
};
