// The one source of "now". Tests (and the test-mode clock endpoint) move it; production never does.
// The offset lives on globalThis because Next may load this module more than once in one server.

type ClockState = { offsetMs: number };
const state: ClockState = ((globalThis as { __stratusClock?: ClockState }).__stratusClock ??= { offsetMs: 0 });

export const clock = {
  now(): Date {
    return new Date(Date.now() + state.offsetMs);
  },
  advance(ms: number): Date {
    state.offsetMs += ms;
    return clock.now();
  },
  set(to: Date): void {
    state.offsetMs = to.getTime() - Date.now();
  },
  reset(): void {
    state.offsetMs = 0;
  },
  offsetMs(): number {
    return state.offsetMs;
  },
};
