type ErrorClass = abstract new (...args: never[]) => Error;

/** Given events / When command / Then events or error, with strict equality (shaped like Oskar Dudycz's decider specification). */
export const deciderSpecification = <State, C, E>(decider: {
  decide: (command: C, state: State) => E[];
  evolve: (state: State, event: E) => State;
  initialState: () => State;
}) => {
  return (givenEvents: E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: E[]) => expect(run()).toStrictEqual(expected),
        thenNothingHappened: () => expect(run()).toStrictEqual([]),
        thenThrows: <T extends ErrorClass>(errorClass: T, check?: (error: InstanceType<T>) => boolean) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          if (check) expect(check(thrown as InstanceType<T>)).toBe(true);
        },
      };
    },
  });
};
