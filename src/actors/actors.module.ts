import { Module } from '@nestjs/common';
import { ActorCatalogueController } from './actor-catalogue/actor-catalogue.controller';
import { ActorCatalogueHandler } from './actor-catalogue/actor-catalogue.handler';
import { EditActorController } from './edit-actor/edit-actor.controller';
import { EditActorHandler } from './edit-actor/edit-actor.handler';
import { RegisterActorController } from './register-actor/register-actor.controller';
import { RegisterActorHandler } from './register-actor/register-actor.handler';

@Module({
  controllers: [RegisterActorController, ActorCatalogueController, EditActorController],
  providers: [RegisterActorHandler, ActorCatalogueHandler, EditActorHandler],
})
export class ActorsModule {}
