/**
 * A doorbell between submission and processing in one process: a stored application rings it,
 * and a processing loop that listens claims at once instead of at its next poll. Without a
 * listener (a Worker, a test driving the queue by hand) ringing does nothing; the row is in the
 * table either way.
 */
export class QueueSignal {
  #listener: (() => void) | undefined;

  ring(): void {
    this.#listener?.();
  }

  /** Sets the one listener; returns a function that removes it. */
  listen(listener: () => void): () => void {
    this.#listener = listener;
    return () => {
      if (this.#listener === listener) this.#listener = undefined;
    };
  }
}
