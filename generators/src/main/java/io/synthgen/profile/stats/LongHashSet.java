package io.synthgen.profile.stats;

/**
 * An open-addressing set of 64-bit hashes (linear probing, load at most 1/2) holding at most {@code capacity}
 * entries: {@link #add} reports when that would be exceeded, so the caller can switch to an estimate. 0 is stored
 * aside, as it marks an empty slot.
 */
public final class LongHashSet {

  private final int capacity;
  private long[] slots = new long[64];
  private int size;
  private boolean hasZero;

  public LongHashSet(int capacity) {
    this.capacity = capacity;
  }

  /** Adds h; returns false (leaving the set unchanged) when h is new and the set is full. */
  public boolean add(long h) {
    if (h == 0) {
      if (!hasZero) {
        if (size() >= capacity) {
          return false;
        }
        hasZero = true;
      }
      return true;
    }
    int i = slot(slots, h);
    if (slots[i] == h) {
      return true;
    }
    if (size() >= capacity) {
      return false;
    }
    slots[i] = h;
    size++;
    if (size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  public boolean contains(long h) {
    if (h == 0) {
      return hasZero;
    }
    return slots[slot(slots, h)] == h;
  }

  /** The slot of {@code h} in {@code table}: where it is, else the empty slot where linear probing ends. */
  private static int slot(long[] table, long h) {
    int mask = table.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != h && table[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  /** Every hash in the set, in no particular order. */
  public long[] toArray() {
    long[] out = new long[size()];
    int k = 0;
    if (hasZero) {
      out[k++] = 0;
    }
    for (long s : slots) {
      if (s != 0) {
        out[k++] = s;
      }
    }
    return out;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long s : old) {
      if (s != 0) {
        slots[slot(slots, s)] = s;
      }
    }
  }
}
