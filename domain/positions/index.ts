export * from './stance';
export * from './position.events';
export * from './position.commands';
export * from './position.errors';
export * from './actor-positions.state';
export * from './actor-positions.decider';
export * from './stance-timeline.projection';
export * from './position-detail.projection';
export { actorStreamName, actorIdFromStream } from '../actors/actor-stream';
