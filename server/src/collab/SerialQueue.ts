/**
 * Runs async tasks one after another, in submission order. A document's messages go through one
 * queue so that "append to the log, then apply, then relay" never interleaves between clients.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Number of tasks submitted and not yet finished. */
  get size(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.#pending += 1;
    const result = this.#tail.then(task).finally(() => {
      this.#pending -= 1;
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every task submitted so far has finished. */
  idle(): Promise<void> {
    return this.#tail.then(() => undefined);
  }
}
