package io.lambdaretail.io.xz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every boundary case through Hadoop's own LineRecordReader, cut into many small splits, and
 * checks that the splits together yield each line exactly once and in order.
 */
class XzSplitReadTest {
  private static final long[] SPLIT_SIZES = {13, 64, 300, 1000, Long.MAX_VALUE};

  @TempDir java.nio.file.Path dir;

  static Stream<Arguments> casesAndSplitSizes() {
    return XzCase.all().stream()
        .flatMap(c -> Arrays.stream(SPLIT_SIZES).mapToObj(size -> Arguments.of(c, size)));
  }

  @ParameterizedTest(name = "{0}, splits of {1} bytes")
  @MethodSource("casesAndSplitSizes")
  void splitsYieldEveryLineOnceInOrder(XzCase c, long splitSize) throws IOException {
    Path file = XzFixtures.write(dir, "data.xz", c.compressed());
    List<List<String>> splits = XzFixtures.readSplits(XzFixtures.conf(), file, splitSize);

    assertThat(splits.stream().flatMap(List::stream).toList())
        .as("lines of all %d splits, in split order", splits.size())
        .containsExactlyElementsOf(XzFixtures.hadoopLines(c.plain()));
    if (c.multiBlock() && splitSize <= 64) {
      assertThat(splits.stream().filter(lines -> !lines.isEmpty()).count())
          .as("splits that yield lines")
          .isGreaterThan(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lambdaretail.io.xz.XzCase#all")
  void oldMapredReaderAgrees(XzCase c) throws IOException {
    Path file = XzFixtures.write(dir, "data.xz", c.compressed());
    Configuration conf = XzFixtures.conf();
    long length = c.compressed().length;
    List<String> lines = new ArrayList<>();
    for (long start = 0; start < length; start += 50) {
      FileSplit split = new FileSplit(file, start, Math.min(50, length - start), new String[0]);
      lines.addAll(XzFixtures.readSplitMapred(conf, split));
    }

    assertThat(lines)
        .as("lines through org.apache.hadoop.mapred.LineRecordReader")
        .containsExactlyElementsOf(XzFixtures.hadoopLines(c.plain()));
  }

  @Test
  void textInputFormatSplitsTheFile() throws IOException {
    XzCase c = XzCase.all().get(0);
    Path file = XzFixtures.write(dir, "data.xz", c.compressed());
    Job job = Job.getInstance(XzFixtures.conf());
    FileInputFormat.addInputPath(job, file);
    FileInputFormat.setMaxInputSplitSize(job, 400);
    FileInputFormat.setMinInputSplitSize(job, 1);

    List<InputSplit> splits = new TextInputFormat().getSplits(job);
    List<String> lines = new ArrayList<>();
    for (InputSplit split : splits) {
      lines.addAll(XzFixtures.readSplit(job.getConfiguration(), (FileSplit) split));
    }

    assertThat(splits)
        .as("splits TextInputFormat makes of a multi-block .xz")
        .hasSizeGreaterThan(3);
    assertThat(lines).as("lines").containsExactlyElementsOf(XzFixtures.hadoopLines(c.plain()));
  }

  @Test
  void customDelimiterSplitsToo() throws IOException {
    XzCase c = XzCase.all().get(0);
    Path file = XzFixtures.write(dir, "data.xz", c.compressed());
    Configuration conf = XzFixtures.conf();
    conf.set("textinputformat.record.delimiter", "\n");
    List<List<String>> splits = XzFixtures.readSplits(conf, file, 64);

    assertThat(splits.stream().flatMap(List::stream).toList())
        .as("lines with an explicit \\n delimiter (Spark's lineSep)")
        .containsExactlyElementsOf(XzFixtures.hadoopLines(c.plain()));
  }
}
