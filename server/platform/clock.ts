/** Time comes from here so tests can move it; production uses the system clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export const createTestClock = (start: Date = new Date('2026-01-15T03:00:00Z')) => {
  let current = start.getTime();

  return {
    now: () => new Date(current),
    set: (d: Date) => {
      current = d.getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
};
