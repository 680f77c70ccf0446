import { IsOptional, Matches } from 'class-validator';
import { DOTTED_ID, KEBAB_ID } from '@domain/shared/ids';

export const EVENT_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export class EventStreamRequest {
  @IsOptional()
  @Matches(KEBAB_ID, { message: 'actor must be a kebab-case actor id such as keir-starmer' })
  actor?: string;

  /** This topic and its subtopics. */
  @IsOptional()
  @Matches(DOTTED_ID, { message: 'topic must be a dotted topic id such as ukraine.security-guarantees.us' })
  topic?: string;

  /** For clients that cannot set the Last-Event-ID header: the id of the last event received. */
  @IsOptional()
  @Matches(EVENT_ID, { message: 'lastEventId must be an id received from this stream' })
  lastEventId?: string;
}
