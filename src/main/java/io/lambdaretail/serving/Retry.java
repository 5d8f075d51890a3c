package io.lambdaretail.serving;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with exponential back-off (doubling, at most a minute between attempts) around
 * one Cassandra step; after the last attempt the step fails with {@link
 * CassandraUnavailableException}. The connector retries single queries itself; this covers a node
 * that is down for longer.
 */
final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  private final int retries;
  private final Duration backoff;
  private final String target;
  private final Sleeper sleeper;

  /** Waits between attempts; a test passes one that records instead of sleeping. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  Retry(int retries, Duration backoff, String target) {
    this(retries, backoff, target, d -> Thread.sleep(d.toMillis()));
  }

  Retry(int retries, Duration backoff, String target, Sleeper sleeper) {
    this.retries = retries;
    this.backoff = backoff;
    this.target = target;
    this.sleeper = sleeper;
  }

  void run(String step, Runnable action) {
    Duration wait = backoff;
    for (int attempt = 0; ; attempt++) {
      try {
        action.run();
        return;
      } catch (RuntimeException e) {
        CassandraLoginException.loginFailure(e)
            .ifPresent(
                detail -> {
                  throw new CassandraLoginException(target, step, detail, e);
                });
        if (attempt >= retries) {
          throw new CassandraUnavailableException(target, step, attempt + 1, e);
        }
        LOG.warn(
            "{} failed (attempt {} of {}), retrying in {} ms: {}",
            step,
            attempt + 1,
            retries + 1,
            wait.toMillis(),
            rootMessage(e));
        pause(wait);
        wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
      }
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry " + target, e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? "" : root.getMessage().split("\\R", 2)[0];
    return root.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
  }
}
