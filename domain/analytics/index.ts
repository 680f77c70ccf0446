export * from './shifts';
export * from './compare';
export * from './changes';
export * from './cameo';
