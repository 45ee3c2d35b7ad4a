/**
 * The local stack's clock: real time plus an offset that tests and demos can move, so alert
 * rules can be walked through days in seconds. Handlers get it as their Clock.
 */
export class LocalClock {
  private offsetMs = 0;

  /** The current (possibly moved) time. */
  now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Moves time forward (or back, with a negative amount). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Sets the current time. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
