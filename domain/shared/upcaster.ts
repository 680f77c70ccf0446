export type StoredEventShape = { type: string; schemaVersion: number; data: unknown };

/** Turns the data of `type` at `fromVersion` into the data of `fromVersion + 1`. */
export type UpcastStep = (data: unknown) => unknown;

export type UpcastRegistry = Readonly<
  Record<string, { current: number; steps: Readonly<Record<number, UpcastStep>> }>
>;

export const upcast = <E extends StoredEventShape>(event: E, registry: UpcastRegistry): E => {
  const entry = registry[event.type];
  if (!entry || event.schemaVersion >= entry.current) return event;
  let data = event.data;
  for (let version = event.schemaVersion; version < entry.current; version++) {
    const step = entry.steps[version];
    if (!step) throw new Error(`No upcaster for ${event.type} v${version} -> v${version + 1}`);
    data = step(data);
  }
  return { ...event, schemaVersion: entry.current, data };
};
