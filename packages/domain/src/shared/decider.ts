/**
 * A decider in the style of event-driven-io/emmett: pure functions, no I/O.
 * `decide` turns a command into the events it causes; `evolve` folds an event into state.
 */
export type Decider<Command, Event, State> = {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
};

export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
