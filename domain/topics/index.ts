export * from './topic-stream';
export * from './topic.events';
export * from './topic.commands';
export * from './topic.errors';
export * from './topic.state';
export * from './topic.decider';
