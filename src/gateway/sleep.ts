/** Waiting, injected so that tests of retries and latency run without real time passing. */
export type Sleep = (ms: number) => Promise<void>;

/** Waits on the runtime's timer; available on Node and Workers alike. */
export const timerSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
