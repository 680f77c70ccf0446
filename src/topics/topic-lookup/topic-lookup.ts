import { Injectable } from '@nestjs/common';
import { topicStreamName } from '@domain/topics';
import { EventStore } from '../../infrastructure/event-store/event-store.port';

/** Which topics exist, read from their streams (not the catalogue), so a write never races a projection. */
@Injectable()
export class TopicLookup {
  constructor(private readonly store: EventStore) {}

  async existing(topicIds: (string | null | undefined)[]): Promise<string[]> {
    const wanted = [...new Set(topicIds.filter((id): id is string => Boolean(id)))];
    const found = await Promise.all(
      wanted.map(async (id) => ((await this.store.readStream(topicStreamName(id))).length > 0 ? id : null)),
    );
    return found.filter((id): id is string => id !== null);
  }
}
