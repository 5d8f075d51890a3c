package io.lambdaretail.sales;

import static io.lambdaretail.spark.Schemas.MONTH;
import static io.lambdaretail.spark.Schemas.PRODUCT_ID;
import static io.lambdaretail.spark.Schemas.QUANTITY;
import static io.lambdaretail.spark.Schemas.SALES_DATE;
import static io.lambdaretail.spark.Schemas.STORE_ID;
import static io.lambdaretail.spark.Schemas.YEAR;

import io.lambdaretail.config.Errors;
import io.lambdaretail.spark.Schemas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads sales CSVs with a header and an explicit all-text schema. The header line is read first
 * through the Hadoop file system (one small read, no Spark job), so a missing column is reported
 * before any training work, and the read schema follows the file's column order: Spark maps a user
 * schema to CSV columns by position.
 */
public final class SalesCsv {
  /** Columns the training CSV must have; the names and the price are dropped by cleaning. */
  public static final List<String> TRAINING_COLUMNS =
      List.of(PRODUCT_ID, STORE_ID, QUANTITY, SALES_DATE);

  private SalesCsv() {}

  /** Fails with exit 2 when the training CSV's header lacks one of {@link #TRAINING_COLUMNS}. */
  public static List<String> requireTrainingColumns(Configuration conf, String input) {
    List<String> header = header(conf, "INPUT", input);
    List<String> missing = TRAINING_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(
          input, missing, header, "The sales CSV needs a header line with " + TRAINING_COLUMNS);
    }
    return header;
  }

  /** Fails with exit 2 unless the header has store, product and a date or year and month. */
  public static List<String> requirePredictionColumns(Configuration conf, String input) {
    List<String> header = header(conf, "--input", input);
    List<String> missing = new ArrayList<>();
    for (String c : List.of(STORE_ID, PRODUCT_ID)) {
      if (!header.contains(c)) {
        missing.add(c);
      }
    }
    if (!header.contains(SALES_DATE) && !(header.contains(YEAR) && header.contains(MONTH))) {
      missing.add(SALES_DATE + " (or " + YEAR + " and " + MONTH + ")");
    }
    if (!missing.isEmpty()) {
      throw Errors.missingColumns(
          input,
          missing,
          header,
          "Give store_id, product_id and either date (yyyy-MM-dd) or year and month.");
    }
    return header;
  }

  /** The header of the first data file of {@code input} (a file, a directory or a glob). */
  public static List<String> header(Configuration conf, String option, String input) {
    Path file = firstFile(conf, option, input);
    try {
      FileSystem fs = file.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
      InputStream raw = fs.open(file);
      InputStream in = codec == null ? raw : codec.createInputStream(raw);
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line = r.readLine();
        return line == null ? List.of() : parseHeader(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while reading the header of " + file, e);
    }
  }

  static List<String> parseHeader(String line) {
    String clean = line.startsWith("\uFEFF") ? line.substring(1) : line;
    return Arrays.stream(clean.split(",", -1))
        .map(String::trim)
        .map(
            s ->
                s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                    ? s.substring(1, s.length() - 1)
                    : s)
        .toList();
  }

  /** Reads all columns as text, typed from {@link Schemas#SALES_CSV} where the name is known. */
  public static Dataset<Row> read(SparkSession spark, String input, List<String> header) {
    StructType schema = new StructType();
    List<String> known = Arrays.asList(Schemas.SALES_CSV.fieldNames());
    for (String name : header) {
      schema =
          known.contains(name)
              ? schema.add(Schemas.SALES_CSV.apply(name))
              : schema.add(name, DataTypes.StringType, true);
    }
    return spark
        .read()
        .option("header", "true")
        .option("mode", "PERMISSIVE")
        .schema(schema)
        .csv(input);
  }

  private static Path firstFile(Configuration conf, String option, String input) {
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
        Path found = m.isDirectory() ? firstDataFile(fs, m.getPath()) : m.getPath();
        if (found != null) {
          return found;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while listing " + input, e);
    }
    throw Errors.inputNotFound(option, input);
  }

  private static Path firstDataFile(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      Path p = files.next().getPath();
      String name = p.getName();
      // Spark and Hadoop write _SUCCESS, .crc and other hidden files beside the data
      if (!name.startsWith("_") && !name.startsWith(".")) {
        return p;
      }
    }
    return null;
  }
}
