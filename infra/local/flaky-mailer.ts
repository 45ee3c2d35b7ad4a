import type { Mailer } from '../../shared/adapters/ports.ts';

/**
 * Wraps the local mailer so tests can make the next sends fail, as an SES outage would: the
 * way to prove failed mail is retried, kept, and later sent once.
 */
export class FlakyMailer {
  private failuresLeft = 0;

  /** Makes the next `count` sends fail. */
  failNext(count: number): void {
    this.failuresLeft = count;
  }

  /** The mailer that fails while failures are left, then sends through `inner`. */
  wrap(inner: Mailer): Mailer {
    return {
      send: async (mail) => {
        if (this.failuresLeft > 0) {
          this.failuresLeft -= 1;
          throw new Error('Injected mail failure (local stack)');
        }
        return inner.send(mail);
      },
    };
  }
}
