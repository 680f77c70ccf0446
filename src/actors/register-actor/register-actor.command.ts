import { Command } from '@nestjs/cqrs';
import type { ActorKind, ActorRole } from '@domain/actors';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';

export type ActorWriteResult = { actorId: string; revision: string; appended: boolean };

export class RegisterActorCommand extends Command<ActorWriteResult> {
  constructor(
    readonly actor: { actorId: string; name: string; kind: ActorKind; aliases: string[]; roles: ActorRole[] },
    readonly metadata: EventMetadata,
    readonly commandId?: string,
  ) {
    super();
  }
}
