package io.lambdaretail.serving;

/**
 * Cassandra did not take a micro-batch's writes after every retry. The batch is not committed to
 * the checkpoint, so a restart once Cassandra is back replays it; its Delta appends are skipped
 * (already committed) and its Cassandra upserts are rewritten.
 */
public final class CassandraUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CassandraUnavailableException(String target, String step, int attempts, Throwable cause) {
    super(
        "Cassandra at "
            + target
            + " is unavailable: "
            + step
            + " failed "
            + attempts
            + " times ("
            + Retry.rootMessage(cause)
            + "); the checkpoint still holds this micro-batch, restart the job with the same"
            + " --checkpoint once Cassandra is back");
    // suppressed, not the cause: the CLI prints the deepest cause's message as the one line, and
    // this message already carries it; --stacktrace still shows it
    addSuppressed(cause);
  }
}
