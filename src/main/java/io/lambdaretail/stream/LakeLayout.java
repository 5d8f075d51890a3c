package io.lambdaretail.stream;

/**
 * Where the stream's Delta tables live under {@code --lake}: {@code raw}, {@code dead_letters},
 * {@code sessions} (closed sessions of the speed layer) and {@code topics/<topic>}. Topic names are
 * validated ({@link LakeNames}) before they become paths.
 */
public record LakeLayout(String lake) {
  public static final String TOPICS_DIR = "topics";

  public String raw() {
    return child(LakeNames.RAW);
  }

  public String deadLetters() {
    return child(LakeNames.DEAD_LETTERS);
  }

  public String sessions() {
    return child(LakeNames.SESSIONS);
  }

  public String topic(String topic) {
    return child(TOPICS_DIR) + "/" + topic;
  }

  public String topicsDir() {
    return child(TOPICS_DIR);
  }

  private String child(String name) {
    return lake.endsWith("/") ? lake + name : lake + "/" + name;
  }
}
