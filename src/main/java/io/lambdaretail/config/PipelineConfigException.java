package io.lambdaretail.config;

/**
 * A user-facing error: bad option, bad config file, bad input. Its message says what is wrong, the
 * value, and how to fix it; the CLI prints it as one line and exits with code 2. Build it only
 * through {@link Errors}.
 */
public final class PipelineConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PipelineConfigException(String message) {
    super(message);
  }

  PipelineConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
