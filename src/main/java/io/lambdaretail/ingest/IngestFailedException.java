package io.lambdaretail.ingest;

/** The run finished writing but must be reported as failed (exit code 1). */
public final class IngestFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IngestFailedException(String message) {
    super(message);
  }
}
