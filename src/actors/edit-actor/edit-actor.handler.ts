import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorDecider, actorStreamName } from '@domain/actors';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { EditActorCommand } from './edit-actor.command';

@CommandHandler(EditActorCommand)
export class EditActorHandler implements ICommandHandler<EditActorCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ actorId, edit, metadata, expectedRevision }: EditActorCommand) {
    const result = await this.runner.run(actorDecider, actorStreamName(actorId), edit, {
      metadata,
      expectedRevision,
    });
    return { actorId, revision: result.revision, appended: result.appended };
  }
}
