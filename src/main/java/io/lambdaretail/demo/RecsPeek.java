package io.lambdaretail.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.lambdaretail.recs.CassandraTarget;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the recommendation lists of a few users as the website would read them from Cassandra
 * ({@code recs_by_user}, one partition per user, rows in rank order): the end of the demo shows the
 * serving layer answering, not just a row count.
 *
 * <p>Usage: {@code LR_MAIN_CLASS=io.lambdaretail.demo.RecsPeek scripts/lambda-retail HOST PORT
 * KEYSPACE N} (the first N users of the table)
 */
public final class RecsPeek {
  private RecsPeek() {}

  public static void main(String[] args) {
    String keyspace = args[2];
    int users = Integer.parseInt(args[3]);
    String table = CassandraTarget.quote(keyspace) + ".recs_by_user";
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(args[0], Integer.parseInt(args[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      List<String> ids = new ArrayList<>();
      for (Row r : session.execute("SELECT DISTINCT user_id FROM " + table + " LIMIT " + users)) {
        ids.add(r.getString("user_id"));
      }
      for (String user : ids) {
        List<String> items = new ArrayList<>();
        String version = "";
        for (Row r :
            session.execute(
                "SELECT rank, product_id, score, model_version FROM "
                    + table
                    + " WHERE user_id = ?",
                user)) {
          items.add(
              String.format(
                  java.util.Locale.ROOT,
                  "%s (%.3f)",
                  r.getString("product_id"),
                  r.getDouble("score")));
          version = r.getString("model_version");
        }
        out.printf("  %s [%s]: %s%n", user, version, String.join(", ", items));
      }
    }
  }
}
