package io.lambdaretail.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.serving.CassandraStore.Write;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which speed-layer writes share an unlogged batch: inserts of one partition, nothing else. */
class WriteBatchesTest {
  private static final String ACTIVITY = "INSERT INTO k.item_activity_by_hour ...";
  private static final String SESSION = "INSERT INTO k.sessions_by_user ...";
  private static final String DELETE = "DELETE FROM k.sessions_by_user ...";

  @Test
  void insertsOfOnePartitionAndStatementGoTogether() {
    Write a1 = Write.inPartition("p1", ACTIVITY, "p1", 1L);
    Write a2 = Write.inPartition("p2", ACTIVITY, "p2", 1L);
    Write a3 = Write.inPartition("p1", ACTIVITY, "p1", 2L);
    Write s1 = Write.inPartition("p1", SESSION, "p1", 3L);

    assertThat(CassandraStore.batches(List.of(a1, a2, a3, s1)))
        .containsExactly(List.of(a1, a3), List.of(a2), List.of(s1));
  }

  @Test
  void deletesAndOtherUnpartitionedWritesGoAlone() {
    Write d1 = Write.of(DELETE, "u", 1L);
    Write d2 = Write.of(DELETE, "u", 2L);
    Write s1 = Write.inPartition("u", SESSION, "u", 3L);

    assertThat(CassandraStore.batches(List.of(d1, s1, d2)))
        .containsExactly(List.of(d1), List.of(d2), List.of(s1));
  }

  @Test
  void aBigPartitionIsSplitIntoBoundedBatchesInOrder() {
    List<Write> writes = new ArrayList<>();
    for (long hour = 0; hour < CassandraStore.MAX_BATCH * 2 + 3; hour++) {
      writes.add(Write.inPartition("p", ACTIVITY, "p", hour));
    }

    List<List<Write>> batches = CassandraStore.batches(writes);

    assertThat(batches)
        .extracting(List::size)
        .containsExactly(CassandraStore.MAX_BATCH, CassandraStore.MAX_BATCH, 3);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(writes);
  }

  @Test
  void bigRowsCloseABatchEarly() {
    List<String> products = java.util.Collections.nCopies(100, "product-0000000001");
    Write big1 = Write.inPartition("u", SESSION, "u", products);
    Write big2 = Write.inPartition("u", SESSION, "u", products);
    Write big3 = Write.inPartition("u", SESSION, "u", products);

    List<List<Write>> batches = CassandraStore.batches(List.of(big1, big2, big3));

    assertThat(big1.approximateBytes()).isGreaterThan(CassandraStore.MAX_BATCH_BYTES / 2);
    assertThat(batches).containsExactly(List.of(big1), List.of(big2), List.of(big3));
  }
}
