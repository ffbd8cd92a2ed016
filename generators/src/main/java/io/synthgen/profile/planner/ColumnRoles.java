package io.synthgen.profile.planner;

import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import java.util.List;
import java.util.Locale;

/**
 * Which string columns are never copied: identifiers (names, contact details, account and document numbers, keys)
 * by their name, and free text (long values, mostly with spaces, nearly all different) by their profile.
 */
final class ColumnRoles {

  /** Name parts of identifying columns. */
  static final List<String> IDENTIFYING = List.of("name", "email", "mail", "phone", "mobile", "fax", "address",
      "street", "ssn", "social_security", "passport", "license", "licence", "iban", "account", "card", "ip",
      "uuid", "guid", "token", "password", "username", "login", "user", "birth", "dob", "tax", "national");

  private ColumnRoles() {
  }

  static boolean identifying(String column) {
    String n = column.toLowerCase(Locale.ROOT);
    if (n.equals("id") || n.endsWith("_id") || n.endsWith("id") && n.length() > 2 && !n.endsWith("paid")
        && !n.endsWith("void") && !n.endsWith("valid")) {
      return true;
    }
    for (String part : n.split("_")) {
      if (IDENTIFYING.contains(part)) {
        return true;
      }
    }
    return false;
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
