import { Command } from '@nestjs/cqrs';
import type { ActorCommand } from '@domain/actors';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { ActorWriteResult } from '../register-actor/register-actor.command';

type Edit = Exclude<ActorCommand, { type: 'RegisterActor' }>;

/** The profile edits (rename, aliases, roles) each map one-to-one onto a domain command, so they share one handler. */
export class EditActorCommand extends Command<ActorWriteResult> {
  constructor(
    readonly actorId: string,
    readonly edit: (recordedAt: string) => Edit,
    readonly metadata: EventMetadata,
    readonly expectedRevision?: string,
  ) {
    super();
  }
}
