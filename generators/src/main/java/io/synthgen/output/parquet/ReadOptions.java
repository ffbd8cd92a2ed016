package io.synthgen.output.parquet;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Read options that never touch Hadoop. parquet-java's {@code ParquetReadOptions.Builder} constructor always builds
 * Hadoop's codec factory, which fails when Hadoop is not on the class path (it is not at run time: the command
 * line's {@code validate} crashed on Parquet files), so the options are made with the constructor the builder
 * itself calls, with the builder's defaults, our codecs and no vectored I/O.
 */
final class ReadOptions {

  private static final int DEFAULT_MAX_ALLOCATION = 8 << 20;

  private ReadOptions() {
  }

  static ParquetReadOptions withoutHadoop() {
    try {
      Constructor<ParquetReadOptions> k = ParquetReadOptions.class.getDeclaredConstructor(
          boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
          boolean.class, boolean.class, FilterCompat.Filter.class, ParquetMetadataConverter.MetadataFilter.class,
          CompressionCodecFactory.class, ByteBufferAllocator.class, int.class, Map.class,
          FileDecryptionProperties.class, ParquetMetricsCallback.class, ParquetConfiguration.class);
      k.setAccessible(true);
      return k.newInstance(
          false, // useSignedStringMinMax
          true, // useStatsFilter
          true, // useDictionaryFilter
          true, // useRecordFilter
          true, // useColumnIndexFilter
          false, // usePageChecksumVerification
          true, // useBloomFilter
          false, // useOffHeapDecryptBuffer
          false, // useHadoopVectoredIo
          FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, new ReadCodecs(), new HeapByteBufferAllocator(),
          DEFAULT_MAX_ALLOCATION, new HashMap<String, String>(), null, null, new PlainParquetConfiguration());
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException("this parquet-java version's ParquetReadOptions constructor changed; "
          + "update io.synthgen.output.parquet.ReadOptions", e);
    }
  }
}
