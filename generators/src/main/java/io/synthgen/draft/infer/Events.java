package io.synthgen.draft.infer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events that happen in order within one row: a chain of stages (ordered → shipped → delivered → returned), each a
 * set of words a column name's event word may be. A time column whose event is a later stage of a chain, next to a
 * time column of an earlier stage, comes after the latest earlier stage the table has, by the stage's gap. The event
 * word of a name is what is left without a time suffix ({@code discharged_at}: discharged; {@code pay_period_end}:
 * end), or its last word. End-type events that are usually still to come ({@link #USUALLY_EMPTY}) are NULL in most
 * rows, except in a table about that event ({@code returns.returned_at}).
 */
final class Events {

  private static final long MIN = 60;
  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;

  /** Time suffixes a column name's event word stands before. */
  static final Set<String> SUFFIXES = Set.of("at", "date", "time", "ts", "on", "dt", "timestamp", "datetime", "day");

  /** Event words that are times by themselves ({@code pay_period_start}, {@code trial_end}). */
  static final Set<String> BARE = Set.of("start", "end", "begin", "finish", "started", "ended", "stop");

  /**
   * One stage of a chain.
   *
   * @param words the event words of the stage
   * @param minSeconds the least gap after the stage before it
   * @param maxSeconds the largest gap, or -1 for anywhere between the earlier stage and the reference date
   */
  record Stage(Set<String> words, long minSeconds, long maxSeconds) {
  }

  /** The chains, in order; the first whose later stage names the column and whose earlier stage the table has wins. */
  static final List<List<Stage>> CHAINS = List.of(
      List.of(st(0, 0, "hire", "hired", "employment", "onboarded"),
          st(30 * DAY, -1, "termination", "terminated", "separation", "separated", "exit", "offboarded")),
      List.of(st(0, 0, "start", "started", "starts", "begin", "began", "begins", "commenced", "effective"),
          st(DAY, 365 * DAY, "end", "ended", "ends", "finish", "finished", "stop", "stopped", "complete",
              "completed", "expired", "termination", "terminated")),
      List.of(st(0, 0, "admit", "admitted", "admission", "check_in", "checkin", "checked_in", "arrival", "arrived"),
          st(4 * HOUR, 14 * DAY, "discharge", "discharged", "check_out", "checkout", "checked_out", "departure",
              "departed")),
      List.of(st(0, 0, "issue", "issued", "invoice", "invoiced", "billed", "bill", "statement"),
          st(0, 45 * DAY, "paid", "payment", "settled")),
      List.of(st(0, 0, "triggered", "trigger", "raised", "fired", "detected", "alerted", "occurred"),
          st(MIN, 4 * HOUR, "acknowledged", "ack", "acked"),
          st(5 * MIN, 2 * DAY, "cleared", "resolved", "closed", "recovered")),
      List.of(st(0, 0, "order", "ordered", "purchase", "purchased", "placed", "sale", "sold"),
          st(HOUR, 5 * DAY, "shipped", "ship", "shipping", "dispatched", "dispatch", "fulfilled"),
          st(DAY, 7 * DAY, "delivered", "delivery", "received"),
          st(DAY, 30 * DAY, "returned", "return", "refunded")),
      List.of(st(0, 0, "opened", "open", "created", "submitted", "reported", "requested", "registered", "signup",
          "joined", "activated", "subscribed", "enrolled", "start", "started", "began", "begin", "effective"),
          st(10 * MIN, -1, "closed", "close", "resolved", "cancelled", "canceled", "cancellation", "deleted",
              "churned", "archived", "deactivated", "unsubscribed", "completed", "withdrawn")),
      List.of(st(0, 0, "installed", "install", "provisioned", "deployed", "first_seen"),
          st(0, -1, "last_seen", "last_heartbeat", "last_ping", "last_contact", "last_reading", "decommissioned")));

  /** End-type events usually still to come, and the share of rows where they are NULL. */
  static final Map<String, Double> USUALLY_EMPTY = Map.ofEntries(Map.entry("termination", 0.85),
      Map.entry("terminated", 0.85), Map.entry("separation", 0.85), Map.entry("closed", 0.8),
      Map.entry("close", 0.8), Map.entry("cancelled", 0.9), Map.entry("canceled", 0.9),
      Map.entry("cancellation", 0.9), Map.entry("deleted", 0.9), Map.entry("churned", 0.8),
      Map.entry("archived", 0.9), Map.entry("deactivated", 0.9), Map.entry("unsubscribed", 0.85),
      Map.entry("withdrawn", 0.9), Map.entry("decommissioned", 0.95), Map.entry("returned", 0.9),
      Map.entry("refunded", 0.9), Map.entry("resolved", 0.25), Map.entry("cleared", 0.2));

  private Events() {
  }

  private static Stage st(long min, long max, String... words) {
    return new Stage(Set.of(words), min, max);
  }

  /** The event word of a normal name: the name without its time suffix, then its last word; or null. */
  static String event(String normal, boolean temporal) {
    List<String> w = List.of(normal.split("_"));
    String stem;
    if (w.size() > 1 && SUFFIXES.contains(w.get(w.size() - 1))) {
      stem = String.join("_", w.subList(0, w.size() - 1));
    } else if (BARE.contains(w.get(w.size() - 1)) || temporal) {
      stem = normal;
    } else {
      return null;
    }
    if (known(stem)) {
      return stem;
    }
    String[] parts = stem.split("_");
    if (parts.length >= 2) {
      String two = parts[parts.length - 2] + "_" + parts[parts.length - 1];
      if (known(two)) {
        return two;
      }
    }
    String lastWord = parts[parts.length - 1];
    return known(lastWord) ? lastWord : null;
  }

  private static boolean known(String word) {
    for (List<Stage> chain : CHAINS) {
      for (Stage s : chain) {
        if (s.words().contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the column follows: its stage, its event word and the sibling (by its normal name) of the latest earlier
   * stage of the same chain.
   */
  record Follows(Stage stage, String event, String before) {
  }

  static Follows follows(Clues c) {
    boolean temporal = c.declared() != null && c.declared().isTemporal();
    String ev = event(c.normal(), temporal);
    if (ev == null) {
      return null;
    }
    for (List<Stage> chain : CHAINS) {
      for (int i = 1; i < chain.size(); i++) {
        if (!chain.get(i).words().contains(ev)) {
          continue;
        }
        for (int j = i - 1; j >= 0; j--) {
          for (Map.Entry<String, String> s : c.siblings().entrySet()) {
            if (s.getValue().equalsIgnoreCase(c.name())) {
              continue;
            }
            String sev = event(s.getKey(), false);
            if (sev != null && chain.get(j).words().contains(sev)) {
              return new Follows(chain.get(i), ev, s.getKey());
            }
          }
        }
      }
    }
    return null;
  }

  /** The name is a time of an event that follows another time of the row. */
  static Match later() {
    return new Match("a time whose event follows another time of the row (start → end, admitted → discharged, "
        + "issued → paid, triggered → acknowledged → cleared, ordered → shipped → delivered → returned, hired → "
        + "terminated, opened → closed, installed → last seen)", c -> follows(c) != null);
  }

  /** The instant after the earlier stage's, NULL in most rows for an event usually still to come. */
  static Template after() {
    return new Template("after the earlier event, by the stage's gap; usually-empty ends (termination, closed, "
        + "cancelled, deleted, returned …) mostly NULL", c -> {
          Follows f = follows(c);
          Inferred inf = Times.after(f.stage().minSeconds(), f.stage().maxSeconds(), f.before()).apply(c);
          Double empty = emptyShare(c, f.event());
          if (empty != null) {
            inf.nullRate(empty);
            inf.what(inf.what() + ", " + Fmt.num(empty * 100) + "% NULL (usually still to come)");
          }
          return inf;
        });
  }

  /** Tables of items that are usually resolved: a ticket's closed_at is NULL only while it is open. */
  static final Set<String> OPEN_ITEMS = Set.of("ticket", "case", "incident", "issue", "request", "alert", "task",
      "complaint", "bug", "alarm", "work_order", "claim", "support");

  /** The share of rows where a column of this event is NULL, or null when it is always there. */
  static Double emptyShare(Clues c, String event) {
    Double empty = USUALLY_EMPTY.get(event);
    if (empty == null || aboutEvent(c, event)) {
      return null;
    }
    for (String t : c.topics()) {
      if (OPEN_ITEMS.contains(t)) {
        return Math.min(empty, 0.2);
      }
    }
    return empty;
  }

  /** The template, NULL in the share of rows {@link #emptyShare} gives for the column's event word. */
  static Template mostlyEmpty(Template t) {
    return new Template(t.doc() + "; usually-empty ends mostly NULL", c -> {
      Inferred inf = t.apply(c);
      String ev = event(c.normal(), true);
      Double empty = ev == null ? null : emptyShare(c, ev);
      if (empty != null) {
        inf.nullRate(empty);
        inf.what(inf.what() + ", " + Fmt.num(empty * 100) + "% NULL (usually still to come)");
      }
      return inf;
    });
  }

  /** The table is about the event itself: a returns table's returned_at is never empty. */
  private static boolean aboutEvent(Clues c, String event) {
    String stem = event.length() > 5 ? event.substring(0, 5) : event;
    for (String t : c.topics()) {
      if (t.startsWith(stem)) {
        return true;
      }
    }
    return false;
  }
}
