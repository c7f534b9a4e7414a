/** Time is passed in, so rules and tests can say what "now" is. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
