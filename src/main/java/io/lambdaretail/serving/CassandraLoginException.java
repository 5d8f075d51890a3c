package io.lambdaretail.serving;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import java.util.List;
import java.util.Optional;

/**
 * Cassandra refused the login (no or wrong credentials). Not retried: waiting does not fix a
 * password, and "unavailable, restart once Cassandra is back" would send the operator the wrong
 * way.
 */
public final class CassandraLoginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CassandraLoginException(String target, String step, String detail, Throwable cause) {
    super(
        "Cassandra at "
            + target
            + " refused the login while "
            + step
            + ": "
            + detail
            + "; give the user and password as spark.cassandra.auth.username and"
            + " spark.cassandra.auth.password in the --config file, or LR_CASSANDRA_USERNAME and"
            + " LR_CASSANDRA_PASSWORD");
    // suppressed, not the cause: the CLI prints the deepest cause's message as the one line
    addSuppressed(cause);
  }

  /** The driver's authentication message, if {@code e} is (or wraps) a refused login. */
  static Optional<String> loginFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException auth) {
        return Optional.of(auth.getMessage());
      }
      if (t instanceof AllNodesFailedException all) {
        Optional<String> found =
            all.getAllErrors().values().stream()
                .flatMap(List::stream)
                .map(CassandraLoginException::loginFailure)
                .flatMap(Optional::stream)
                .findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
