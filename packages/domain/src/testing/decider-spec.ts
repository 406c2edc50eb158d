import type { Decider } from '../shared/decider';

/** Given events, when a command, then events or then throws — the emmett way of testing a decider. */
export const deciderSpec = <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
  given: (events: readonly Event[]) => ({
    when: (command: Command) => {
      const run = () =>
        decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: readonly Event[]) => expect(run()).toEqual(expected),
        thenNothingHappens: () => expect(run()).toEqual([]),
        thenThrows: (error: new (...args: never[]) => Error, message?: string | RegExp) => {
          expect(run).toThrow(error);
          if (message !== undefined) expect(run).toThrow(message);
        },
      };
    },
  }),
});
