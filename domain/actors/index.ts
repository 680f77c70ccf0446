export * from './actor-stream';
export * from './actor.events';
export * from './actor.commands';
export * from './actor.errors';
export * from './actor.state';
export * from './actor.decider';
