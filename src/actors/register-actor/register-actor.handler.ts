import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorDecider, actorStreamName } from '@domain/actors';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { RegisterActorCommand } from './register-actor.command';

@CommandHandler(RegisterActorCommand)
export class RegisterActorHandler implements ICommandHandler<RegisterActorCommand> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ actor, metadata, commandId }: RegisterActorCommand) {
    const result = await this.runner.run(
      actorDecider,
      actorStreamName(actor.actorId),
      (recordedAt) => ({ type: 'RegisterActor' as const, data: { ...actor, recordedAt } }),
      { metadata, commandId },
    );
    return { actorId: actor.actorId, revision: result.revision, appended: result.appended };
  }
}
