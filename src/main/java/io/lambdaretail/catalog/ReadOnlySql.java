package io.lambdaretail.catalog;

import io.lambdaretail.config.Errors;
import io.lambdaretail.config.PipelineConfigException;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.collection.JavaConverters;

/**
 * Lets through one query and nothing else. The statement is parsed (not run) and refused when any
 * node of its plan is a command (INSERT, DELETE, MERGE, CREATE, DROP, SET, CACHE, ...) or calls a
 * function that reaches into the JVM ({@code reflect}, {@code java_method}); a check on the parsed
 * plan rather than on keywords, which comments and quoting would defeat.
 */
public final class ReadOnlySql {
  private static final Set<String> REFUSED_FUNCTIONS =
      Set.of("reflect", "java_method", "try_reflect");

  private ReadOnlySql() {}

  /**
   * @throws PipelineConfigException when the statement is not a read-only query
   */
  public static void check(SparkSession spark, String sql) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw Errors.invalidSql(e.getMessage().lines().findFirst().orElse("parse error"));
    }
    for (LogicalPlan node : JavaConverters.seqAsJavaList(plan.collectWithSubqueries(all()))) {
      if (node instanceof Command || node instanceof ParsedStatement) {
        throw refused(node.nodeName());
      }
      for (Object e : JavaConverters.seqAsJavaList(node.expressions())) {
        checkFunctions((org.apache.spark.sql.catalyst.expressions.Expression) e);
      }
    }
  }

  private static void checkFunctions(org.apache.spark.sql.catalyst.expressions.Expression e) {
    if (e instanceof UnresolvedFunction f) {
      String name = f.nameParts().last().toLowerCase(Locale.ROOT);
      if (REFUSED_FUNCTIONS.contains(name)) {
        throw Errors.notReadOnly("function " + name + " can run JVM code");
      }
    }
    for (Object child : JavaConverters.seqAsJavaList(e.children())) {
      checkFunctions((org.apache.spark.sql.catalyst.expressions.Expression) child);
    }
  }

  private static PipelineConfigException refused(String node) {
    return Errors.notReadOnly("this statement would change something (" + node + ")");
  }

  private static scala.PartialFunction<LogicalPlan, LogicalPlan> all() {
    return new scala.runtime.AbstractPartialFunction<>() {
      @Override
      public boolean isDefinedAt(LogicalPlan x) {
        return true;
      }

      @Override
      public LogicalPlan apply(LogicalPlan x) {
        return x;
      }
    };
  }
}
