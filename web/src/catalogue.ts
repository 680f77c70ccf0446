import { allPages } from './api';
import type { Actor, Topic } from './types';

let actors: Promise<Map<string, Actor>> | null = null;
let topics: Promise<Map<string, Topic>> | null = null;

/** The catalogue, read once per page load (every page, `limit` 500): names and titles for ids. */
export const actorCatalogue = (): Promise<Map<string, Actor>> => {
  actors ??= allPages<Actor>('/v1/actors').then(
    ({ items }) => new Map(items.map((actor) => [actor.id, actor])),
  );
  actors.catch(() => (actors = null));
  return actors;
};

export const topicCatalogue = (): Promise<Map<string, Topic>> => {
  topics ??= allPages<Topic>('/v1/topics').then(
    ({ items }) => new Map(items.map((topic) => [topic.id, topic])),
  );
  topics.catch(() => (topics = null));
  return topics;
};

export const forgetActors = (): void => {
  actors = null;
};

export const forgetTopics = (): void => {
  topics = null;
};
