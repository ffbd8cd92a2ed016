package io.synthgen.profile.planner;

import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import java.util.List;
import java.util.Locale;

/**
 * Which string columns are never copied: identifiers (names, contact details, account and document numbers, keys)
 * by their name, and free text (long values, mostly with spaces, nearly all different) by their profile. A name is
 * split at {@code _}: a part naming contact or credentials anywhere ({@code email}, {@code phone_number},
 * {@code ip_address}), or a last part naming a person, a number or an id ({@code customer_name},
 * {@code account_number}, {@code order_id}) makes an identifier; {@code account_type} or {@code country_code} do not.
 */
final class ColumnRoles {

  /** Parts that identify wherever they appear in a column name. */
  static final List<String> IDENTIFYING_PARTS = List.of("email", "mail", "phone", "mobile", "fax", "address",
      "street", "ssn", "passport", "iban", "ip", "uuid", "guid", "token", "password", "username", "login", "dob",
      "birthday", "birthdate", "license", "licence");

  /** Last parts that identify: {@code customer_name}, {@code account_number}, {@code order_id}. */
  static final List<String> IDENTIFYING_LAST = List.of("name", "firstname", "lastname", "surname", "number", "no",
      "num", "id", "key");

  private ColumnRoles() {
  }

  static boolean identifying(String column) {
    String n = column.toLowerCase(Locale.ROOT);
    String[] parts = n.split("_");
    for (String part : parts) {
      if (IDENTIFYING_PARTS.contains(part)) {
        return true;
      }
    }
    String last = parts.length == 0 ? n : parts[parts.length - 1];
    return IDENTIFYING_LAST.contains(last) || parts.length == 1 && n.endsWith("id") && n.length() > 3
        && !n.endsWith("paid") && !n.endsWith("void") && !n.endsWith("valid") && !n.endsWith("fluid");
  }

  /** Long, wordy, nearly all different: comments, descriptions, messages. */
  static boolean freeText(ColumnProfile c) {
    if (c.type().kind() != DataType.Kind.STRING || c.strings() == null) {
      return false;
    }
    double distinctShare = c.nonNull() == 0 ? 0 : (double) c.distinct().count() / c.nonNull();
    return c.strings().meanLength() >= 20 && c.strings().wordy() >= 0.5 || c.strings().maxLength() > 200
        || c.strings().wordy() >= 0.5 && distinctShare > 0.5;
  }
}
