package io.synthgen.output;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable byte array that encoders fill without per-value objects. Not thread-safe; one per encoding call. */
public final class ByteBuf {

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf;
  private int len;

  public ByteBuf(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Makes room for {@code n} more bytes. */
  public void ensure(int n) {
    int need = len + n;
    if (need < 0) {
      throw new IllegalStateException("encoded chunk exceeds 2 GB; use smaller batches");
    }
    if (need > buf.length) {
      long grown = Math.max((long) need, (long) buf.length * 2);
      buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, grown));
    }
  }

  public void put(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  /** Appends a byte without a capacity check; call {@link #ensure} first. */
  public void putUnchecked(int b) {
    buf[len++] = (byte) b;
  }

  public void put(byte[] b) {
    put(b, 0, b.length);
  }

  public void put(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  public void putIntLE(int v) {
    ensure(4);
    INT_LE.set(buf, len, v);
    len += 4;
  }

  public void putLongLE(long v) {
    ensure(8);
    LONG_LE.set(buf, len, v);
    len += 8;
  }

  /** Unsigned LEB128, as used by Parquet's RLE run headers. */
  public void putVarInt(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Appends a string known to be ASCII. */
  public void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  public void putBuf(ByteBuf other) {
    put(other.buf, 0, other.len);
  }

  /** Marks {@code n} bytes written directly into {@link #array()} after {@link #ensure}. */
  public void advance(int n) {
    len += n;
  }

  public int length() {
    return len;
  }

  /** The backing array; valid up to {@link #length()}. */
  public byte[] array() {
    return buf;
  }

  public void reset() {
    len = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** An output stream that appends to this buffer (for serializers that want a stream). */
  public OutputStream asStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        put(b);
      }

      @Override
      public void write(byte[] b, int off, int n) {
        put(b, off, n);
      }
    };
  }
}
