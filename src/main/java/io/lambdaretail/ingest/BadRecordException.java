package io.lambdaretail.ingest;

/** A record that does not fit its contract; the message is the quarantine reason. */
public final class BadRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadRecordException(String reason) {
    // no stack trace: thousands of these are expected on bad dumps and only the reason matters
    super(reason, null, false, false);
  }
}
