package io.lambdaretail.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import org.junit.jupiter.api.Test;

/** Names that become CQL are validated, then quoted; the key serves "forecast of store S". */
class SalesForecastTableTest {
  @Test
  void tableIsKeyedByStoreThenMonthAndProduct() {
    String ddl = SalesForecastTable.createTable("lambda_retail");

    assertThat(ddl)
        .as("DDL")
        .startsWith("CREATE TABLE IF NOT EXISTS \"lambda_retail\".\"sales_forecast_by_store\" (")
        .contains("PRIMARY KEY ((store_id), year, month, product_id)")
        .contains("prediction double, status text, model_version text");
    assertThat(SalesForecastTable.createKeyspace("Retail_2"))
        .as("keyspace DDL keeps the name's case")
        .startsWith("CREATE KEYSPACE IF NOT EXISTS \"Retail_2\" WITH replication");
  }

  @Test
  void keyspaceNamesThatAreNotIdentifiersAreRejected() {
    for (String bad : new String[] {"x; DROP KEYSPACE y", "retail\"", "1retail", "", "a-b"}) {
      assertThatThrownBy(() -> new SalesForecastTable.Target("127.0.0.1", 9042, bad))
          .as("keyspace %s", bad)
          .isInstanceOf(PipelineConfigException.class)
          .hasMessageContaining("Invalid value")
          .hasMessageContaining("--keyspace");
    }
    assertThatThrownBy(() -> new SalesForecastTable.Target("127.0.0.1", 0, "retail"))
        .as("port 0")
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("--cassandra-port");
  }
}
