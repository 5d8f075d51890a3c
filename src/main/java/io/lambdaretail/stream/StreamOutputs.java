package io.lambdaretail.stream;

import io.lambdaretail.io.SafeOutput;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Where {@code stream} may write: its lake and checkpoint must be new, empty, or hold only what an
 * earlier stream wrote there (its tables; Spark's checkpoint entries), checked before Spark starts.
 */
public final class StreamOutputs {
  private static final Set<String> LAKE =
      Set.of(LakeNames.RAW, LakeNames.DEAD_LETTERS, LakeNames.SESSIONS, LakeLayout.TOPICS_DIR);
  // what Spark's checkpoint holds (offsets, commits, sources, state, metadata) and the serving one
  private static final Set<String> CHECKPOINT =
      Set.of("metadata", "offsets", "commits", "sources", "state", StreamJob.SERVING_CHECKPOINT);

  private StreamOutputs() {}

  /** Refuses (exit 2) a --lake or --checkpoint that holds something else. */
  public static void check(Configuration conf, StreamOptions options) {
    SafeOutput.checkLayout(conf, "--lake", options.lake(), "stream-lake", LAKE::contains);
    SafeOutput.checkLayout(
        conf, "--checkpoint", options.checkpoint(), "stream-checkpoint", CHECKPOINT::contains);
  }
}
