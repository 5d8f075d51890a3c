package io.lambdaretail.recs.hybrid;

/** The two sides of the model, as small ints so they can key arrays and shuffle records. */
final class Sides {
  static final int USER = 0;
  static final int ITEM = 1;

  private Sides() {}
}
