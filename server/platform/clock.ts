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

/**
 * The system clock shifted by an offset that only moves forward: what end-to-end tests use to let
 * a cooperation pass its end date while the server keeps running (TEST_CLOCK_CONTROL).
 */
export const createAdjustableClock = () => {
  let offsetMs = 0;

  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms: number) => {
      if (ms < 0) throw new Error('the clock only moves forward');
      offsetMs += ms;
    },
  };
};
export type AdjustableClock = ReturnType<typeof createAdjustableClock>;
