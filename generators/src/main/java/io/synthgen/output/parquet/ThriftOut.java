package io.synthgen.output.parquet;

import io.synthgen.output.ByteBuf;
import java.io.IOException;
import shaded.parquet.org.apache.thrift.TBase;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TTransport;

/**
 * Serializes Parquet's Thrift structures (page headers, the footer) with the compact protocol straight into a
 * {@link ByteBuf}: the same bytes as {@code org.apache.parquet.format.Util}, without its stream transport, whose
 * logger would start the logging framework (over 100 ms) in every run.
 */
final class ThriftOut extends TTransport {

  private final ByteBuf out;

  private ThriftOut(ByteBuf out) {
    this.out = out;
  }

  /** Appends the compact-protocol form of {@code value} to {@code out}; returns its length. */
  static int write(TBase<?, ?> value, ByteBuf out) throws IOException {
    int start = out.length();
    try {
      value.write(new TCompactProtocol(new ThriftOut(out)));
    } catch (TException e) {
      throw new IOException("cannot serialize Parquet metadata " + value.getClass().getSimpleName(), e);
    }
    return out.length() - start;
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    out.put(buf, off, len);
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void open() {
    // always open: the buffer is the transport
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("ThriftOut only writes");
  }

  @Override
  public TConfiguration getConfiguration() {
    return TConfiguration.DEFAULT;
  }

  @Override
  public void updateKnownMessageSize(long size) {
    // no message size limits when writing
  }

  @Override
  public void checkReadBytesAvailable(long numBytes) {
    // never reads
  }
}
