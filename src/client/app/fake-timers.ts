/** A hand-driven clock for tests of timer logic: `advance` fires what falls due, in time order. */
export type FakeTimers = {
  readonly setTimer: (fn: () => void, ms: number) => () => void;
  readonly advance: (ms: number) => void;
  readonly pending: () => number;
};

export const createFakeTimers = (): FakeTimers => {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { readonly at: number; readonly fn: () => void }>();
  return {
    setTimer: (fn, ms) => {
      const id = (seq += 1);
      timers.set(id, { at: now + ms, fn });
      return () => void timers.delete(id);
    },
    advance: (ms) => {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
    pending: () => timers.size,
  };
};
