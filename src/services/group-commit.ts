/**
 * Group commit: work submitted while a batch is being committed waits and is committed together
 * in the next batch, one transaction for all of it. A lone submission is committed at once, in a
 * batch of one, with no timer; under load, the cost of a transaction (its statements, its round
 * trips, its lock on the log head) is shared by every submission that arrived meanwhile.
 *
 * `commit` answers one outcome per item, in order: a value, or an Error for that item alone
 * (the others still commit). When `commit` itself throws, the batch is retried one item at a
 * time, so that one bad item cannot fail the others; an item alone gets the error.
 */
export class GroupCommit<I, O> {
  #waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  #running = false;

  constructor(
    private readonly commit: (items: I[]) => Promise<(O | Error)[]>,
    /** The most items one batch commits. */
    private readonly maxBatch = 64,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (!this.#running) void this.#run();
    });
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      while (this.#waiting.length > 0) {
        // Let the submissions of the current turn of the event loop join the batch: callers whose
        // previous item just committed come back within it.
        await nextTurn();
        const batch = this.#waiting.splice(0, this.maxBatch);
        try {
          settle(batch, await this.commit(batch.map((w) => w.item)));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]?.reject(error);
            continue;
          }
          for (const one of batch) {
            try {
              settle([one], await this.commit([one.item]));
            } catch (alone) {
              one.reject(alone);
            }
          }
        }
      }
    } finally {
      this.#running = false;
    }
  }
}

function settle<O>(
  waiters: { resolve: (value: O) => void; reject: (error: unknown) => void }[],
  outcomes: (O | Error)[],
): void {
  waiters.forEach((waiter, i) => {
    const outcome = outcomes[i];
    if (outcome instanceof Error) waiter.reject(outcome);
    else if (outcome === undefined) waiter.reject(new Error('group commit: no outcome'));
    else waiter.resolve(outcome);
  });
}

/**
 * Resolves after pending promise callbacks and I/O of this turn have run. A batch so waits for a
 * turn of the event loop: code in the same process that loops on promises without ever yielding
 * one (possible on PGlite, whose queries need no I/O) holds the batch back until it does.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
