// One at a time, in arrival order: the turn of the connection a transaction runs on.
export class Turn {
  private taken = false;
  private readonly waiting: (() => void)[] = [];

  /** Whether someone holds the turn now. */
  get busy(): boolean {
    return this.taken;
  }

  /** Resolves when the caller holds the turn; without a wait when it is free. */
  take(): Promise<void> {
    if (!this.taken) {
      this.taken = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the turn to the next in line, or frees it. */
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.taken = false;
  }
}
