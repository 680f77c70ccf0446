/** A projection as data: the event types it reads, and its pure step (what the infrastructure persists). */
export type ProjectionDefinition<Type extends string, Evolve> = {
  readonly name: string;
  readonly handles: readonly Type[];
  readonly evolve: Evolve;
};

export const defineProjection = <const Type extends string, Evolve>(
  definition: ProjectionDefinition<Type, Evolve>,
): ProjectionDefinition<Type, Evolve> => definition;

/** Whether the projection reads this event. */
export const handledBy = <Type extends string>(
  definition: ProjectionDefinition<Type, unknown>,
  event: { type: string },
): event is { type: Type } => (definition.handles as readonly string[]).includes(event.type);
