package io.synthgen.draft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.infer.Inference;
import io.synthgen.draft.infer.Rule;
import io.synthgen.draft.infer.TableClues;
import io.synthgen.draft.infer.Words;
import io.synthgen.plan.DataType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A column that repeats an attribute of the row a foreign key points to: {@code line_items.unit_price} next to
 * {@code product_id}, when products has a {@code unit_price}, is the product's price (a lookup), not a price of its
 * own. Only attributes that belong to the parent are copied (names, prices and costs, codes, categories), never
 * its times, statuses, amounts or counts, which the child has of its own.
 */
final class ParentLookups {

  /** Rules whose columns are attributes of the row they describe, so that a child copies them. */
  static final Set<String> ATTRIBUTE_RULES = Set.of("name.product", "name.of.product", "name.brand", "name.of.brand",
      "name.company", "name.store", "name.category", "money.price", "money.price.vehicle", "money.price.property",
      "money.price.subscription", "money.cost", "sku", "barcode", "ean", "isbn");
  /** Last words of category columns that are attributes of the parent (a product's category, a customer's tier). */
  static final Set<String> CATEGORY_WORDS = Set.of("category", "department", "segment", "tier", "region");
  /** How many foreign keys deep the parent's own column is inferred (its parent's, and so on). */
  static final int MAX_DEPTH = 4;

  /**
   * A lookup found for a column.
   *
   * @param via the foreign key column of this table
   * @param parent the table it references
   * @param type the parent column's type, which the lookup has
   */
  record Found(String via, String parent, String column, DataType type) {
  }

  private ParentLookups() {
  }

  /** The parent attribute the column repeats, or null. */
  static Found find(String name, DataType declared, ColumnInference.Context ctx, int depth) {
    if (depth >= MAX_DEPTH) {
      return null;
    }
    for (String[] fk : ctx.tables().foreignKeys(ctx.table(), ctx.primaryKey())) {
      String via = fk[0];
      String parent = fk[1];
      ObjectNode column = via.equals(name) ? null : ctx.tables().column(parent, name);
      if (column == null || name.equals(ctx.primaryKeys().get(parent))) {
        continue;
      }
      ObjectNode p = ctx.tables().table(parent);
      if (!ctx.tables().once(parent, name, "attribute", () -> attribute(column, p, ctx))) {
        continue;
      }
      DataType type = ctx.tables().once(parent, name, "type", () -> parentType(column, p, parent, ctx, depth));
      if (type != null && (declared == null || declared.equals(type))) {
        return new Found(via, parent, column.path("name").asText(), type);
      }
    }
    return null;
  }

  /** Whether the parent's column is an attribute of the parent row, by the rule that infers it there. */
  private static boolean attribute(ObjectNode column, ObjectNode parent, ColumnInference.Context ctx) {
    String n = column.path("name").asText();
    DataType declared = column.hasNonNull("type") ? DataType.parse(column.get("type").asText()) : null;
    String pname = parent.path("name").asText();
    TableClues table = ctx.tables().once(pname, "", "clues", () -> TableClues.of(pname, names(parent),
        parent.path("description").asText(null), ctx.requestDescription()));
    Rule r = Inference.rule(Inference.clues(n, declared, table, ctx.primaryKeys().get(pname),
        column.path("note").asText(null), null, null, null, null));
    if (r == null) {
      return false;
    }
    if (r.id().equals("category") || r.id().equals("category.name")) {
      List<String> words = Words.of(n);
      return !words.isEmpty() && CATEGORY_WORDS.contains(words.get(words.size() - 1));
    }
    return ATTRIBUTE_RULES.contains(r.id());
  }

  /** The type the parent's column gets: inferred in the parent's own context, as the draft will make it. */
  private static DataType parentType(ObjectNode column, ObjectNode parent, String parentName,
      ColumnInference.Context ctx, int depth) {
    ColumnInference.Context pctx = new ColumnInference.Context(parentName, ctx.primaryKeys().get(parentName),
        ctx.primaryKeys(), names(parent), parent.path("description").asText(null), ctx.requestDescription(),
        ctx.tables());
    ObjectNode made = ColumnInference.infer(column, pctx, "$", new Problems(), depth + 1);
    return made.hasNonNull("type") ? DataType.parse(made.get("type").asText()) : null;
  }

  private static Set<String> names(ObjectNode table) {
    Set<String> s = new LinkedHashSet<>();
    table.withArray("columns").forEach(c -> s.add(c.path("name").asText()));
    return s;
  }
}
