export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/**
 * Names the shape of a decider's state. Stored snapshots of the state are trusted only under the same name and
 * version: bump `version` whenever `initialState` or `evolve` would build a different state from the same events.
 */
export type StateSchema = Readonly<{ name: string; version: number }>;

/** A pure decision model for one stream type: no IO, no clock, no ids generated inside. */
export type Decider<State, C extends Command, E extends Event> = {
  decide: (command: C, state: State) => E[];
  evolve: (state: State, event: E) => State;
  initialState: () => State;
  /** Present on deciders of long streams: their state may then be snapshotted. */
  stateSchema?: StateSchema;
};
