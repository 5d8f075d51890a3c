package io.lambdaretail.catalog;

import io.lambdaretail.config.Errors;
import io.lambdaretail.config.PipelineConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.ExpressionWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.PlanWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Lets through one query over the lake's tables and nothing else. The statement is parsed (not run)
 * and refused when any node of its plan is a command (INSERT, DELETE, MERGE, CREATE, DROP, SET,
 * CACHE, ...), reads a relation that is neither a lake table nor a name the query defines with WITH
 * (so no {@code text.`/etc/passwd`}, {@code parquet.`path`}, {@code delta.`path`} or other
 * path-based source, no table of the session catalog), calls a table-valued function other than
 * {@code range}, or calls a function that reaches into the JVM ({@code reflect}, {@code
 * java_method}); a check on the parsed plan rather than on keywords, which comments and quoting
 * would defeat.
 */
public final class ReadOnlySql {
  private static final Set<String> REFUSED_FUNCTIONS =
      Set.of("reflect", "java_method", "try_reflect");
  private static final Set<String> ALLOWED_TABLE_FUNCTIONS = Set.of("range");

  private ReadOnlySql() {}

  /**
   * @param tables the lake's table names, the only relations the query may read
   * @throws PipelineConfigException when the statement is not a read-only query of those tables
   */
  public static void check(SparkSession spark, String sql, Set<String> tables) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw Errors.invalidSql(
          e.getMessage().lines().filter(l -> !l.isBlank()).findFirst().orElse("parse error"));
    }
    Set<String> readable = new HashSet<>();
    tables.forEach(t -> readable.add(t.toLowerCase(Locale.ROOT)));
    // the bodies of WITH's named queries are not children of its node: walk them as plans too
    List<LogicalPlan> nodes = new ArrayList<>();
    Deque<LogicalPlan> plans = new ArrayDeque<>(List.of(plan));
    while (!plans.isEmpty()) {
      for (LogicalPlan node :
          JavaConverters.seqAsJavaList(plans.pop().collectWithSubqueries(all()))) {
        nodes.add(node);
        if (node instanceof UnresolvedWith with) {
          for (Tuple2<String, SubqueryAlias> cte :
              JavaConverters.seqAsJavaList(with.cteRelations())) {
            readable.add(cte._1().toLowerCase(Locale.ROOT));
            plans.push(cte._2());
          }
        }
      }
    }
    for (LogicalPlan node : nodes) {
      if (node instanceof Command || node instanceof ParsedStatement) {
        throw refused(node.nodeName());
      }
      if (node instanceof PlanWithUnresolvedIdentifier) {
        throw identifierClause();
      }
      checkSource(node, readable, tables);
      for (Object e : JavaConverters.seqAsJavaList(node.expressions())) {
        checkFunctions((org.apache.spark.sql.catalyst.expressions.Expression) e);
      }
    }
  }

  /** A relation must be one lake table (or a WITH name); a table function, range. */
  private static void checkSource(LogicalPlan node, Set<String> readable, Set<String> tables) {
    if (node instanceof UnresolvedRelation r) {
      List<String> parts = JavaConverters.seqAsJavaList(r.multipartIdentifier());
      if (parts.size() != 1 || !readable.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
        throw Errors.notReadOnly(
            "it can read only the lake's tables "
                + new TreeSet<>(tables)
                + ", not "
                + Errors.printable(String.join(".", parts)));
      }
    }
    if (node instanceof UnresolvedTableValuedFunction f) {
      String name = JavaConverters.seqAsJavaList(f.name()).get(f.name().size() - 1);
      if (!ALLOWED_TABLE_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT))) {
        throw Errors.notReadOnly("table function " + Errors.printable(name) + " is not allowed");
      }
    }
  }

  private static void checkFunctions(org.apache.spark.sql.catalyst.expressions.Expression e) {
    if (e instanceof ExpressionWithUnresolvedIdentifier) {
      throw identifierClause();
    }
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

  /** IDENTIFIER('...') names its table or function only when the query runs: not checkable. */
  private static PipelineConfigException identifierClause() {
    return Errors.notReadOnly("IDENTIFIER(...) is not allowed; name the lake's table itself");
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
