package io.lambdaretail.stream;

/**
 * Where the stream's Delta tables live under {@code --lake}: {@code raw}, {@code dead_letters} and
 * {@code topics/<topic>}. Topic names are validated ({@link LakeNames}) before they become paths.
 */
public record LakeLayout(String lake) {
  public static final String TOPICS_DIR = "topics";

  public String raw() {
    return child(LakeNames.RAW);
  }

  public String deadLetters() {
    return child(LakeNames.DEAD_LETTERS);
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
