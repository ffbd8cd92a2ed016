package io.synthgen.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellTest {

  static Cell text(String s, DataType hint) {
    Cell c = new Cell();
    c.setText(s, hint);
    return c;
  }

  static void assertSame(Cell a, Cell b) {
    assertTrue(a.sameAs(b), a.kind + " " + a.label() + " vs " + b.kind + " " + b.label());
    assertEquals(a.hash(1), b.hash(1));
  }

  @Test
  void numbersAreEqualWhateverTheyWereReadFrom() {
    Cell decimal = new Cell();
    decimal.setDecimal(1250, 2);
    Cell dbl = new Cell();
    dbl.setDouble(12.5);
    assertSame(decimal, dbl);
    assertSame(decimal, text("12.50", DataType.DOUBLE));
    Cell whole = new Cell();
    whole.setDecimal(1200, 2);
    Cell integer = new Cell();
    integer.setLong(12);
    assertSame(whole, integer);
    assertSame(integer, text("12.0", DataType.INT));
    assertSame(integer, text("12", DataType.decimal(10, 2)));
    Cell negZero = new Cell();
    negZero.setDouble(-0.0);
    Cell zero = new Cell();
    zero.setLong(0);
    assertSame(negZero, zero);
  }

  @Test
  void textOfTheHintedTypeIsParsedAndOtherTextStaysText() {
    Cell date = new Cell();
    date.setDate(LocalDate.parse("2024-03-01").toEpochDay());
    assertSame(date, text("2024-03-01", DataType.DATE));
    Cell ts = new Cell();
    ts.setTimestamp(LocalDate.parse("2024-03-01").toEpochDay() * 86_400_000_000L + 3_600_000_000L);
    assertSame(ts, text("2024-03-01 01:00:00", DataType.TIMESTAMP));
    assertSame(ts, text("2024-03-01T03:00:00+02:00", DataType.TIMESTAMP));
    assertSame(ts, text("2024-03-01T01:00:00Z", DataType.TIMESTAMP));
    assertSame(ts, text("03/01/2024 01:00", DataType.TIMESTAMP));
    assertSame(date, text("03/01/2024", DataType.DATE));
    assertEquals(Cell.Kind.STRING, text("02134x", DataType.BIGINT).kind);
    assertEquals(Cell.Kind.STRING, text("02134", DataType.STRING).kind, "a zip code stays text in a string column");
    assertEquals(Cell.Kind.BOOLEAN, text("TRUE", DataType.BOOLEAN).kind);
    Cell s = new Cell();
    s.setString("12");
    Cell n = new Cell();
    n.setLong(12);
    assertFalse(s.sameAs(n), "text never equals a number");
  }

  @Test
  void numbersOfDatesAreSeconds() {
    assertEquals(86_400d, text("1970-01-02", DataType.DATE).number());
    assertEquals(1.5, text("1970-01-01 00:00:01.5", DataType.TIMESTAMP).number(), 1e-9);
    assertTrue(Double.isNaN(text("abc", DataType.STRING).number()));
  }
}
