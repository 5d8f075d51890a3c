package io.lambdaretail.cli;

/** Exit codes every command returns; orchestrators (Airflow, cron, EMR steps) branch on them. */
public final class ExitCodes {
  /** The command finished and wrote its summary. */
  public static final int OK = 0;

  /** The command started but failed (I/O, Spark, a server down, too many bad records). */
  public static final int FAILURE = 1;

  /** The command line, the config file or an input was invalid; nothing was started. */
  public static final int INVALID_INPUT = 2;

  private ExitCodes() {}
}
