package io.lambdaretail.recs;

import java.util.Arrays;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Join keys for {@code Dataset.join(other, Seq<String>, type)} from Java. */
final class Joins {
  private Joins() {}

  static Seq<String> on(String... columns) {
    return JavaConverters.asScalaBuffer(Arrays.asList(columns)).toSeq();
  }
}
