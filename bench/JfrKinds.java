import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Says where a synthgen run spends its time per column kind: every CPU sample of a JFR recording (jdk.ExecutionSample
 * for Java code, jdk.NativeMethodSample for native code such as zstd) goes to the innermost frame of its stack that
 * names a kind: a column generator ({@code io.synthgen.column.*Gen}), an expression class ({@code io.synthgen.expr},
 * by class), Parquet encoding ({@code io.synthgen.output.parquet}), zstd compression (the zstd-jni classes),
 * validation ({@code io.synthgen.validate}) or time series ({@code io.synthgen.series}); a stack with none of them is
 * "other". Java and native samples are taken at different periods, so they are tabled separately, with the periods
 * the recording was made with. Usage:
 *
 * <pre>java bench/JfrKinds.java /tmp/x.jfr</pre>
 */
public class JfrKinds {

  private static final String EXECUTION = "jdk.ExecutionSample";
  private static final String NATIVE = "jdk.NativeMethodSample";
  private static final int OTHER_METHODS = 8;

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: JfrKinds <recording.jfr>");
      System.exit(2);
    }
    Map<String, Map<String, Long>> kinds = new LinkedHashMap<>();
    Map<String, Map<String, Long>> otherMethods = new LinkedHashMap<>();
    kinds.put(EXECUTION, new HashMap<>());
    kinds.put(NATIVE, new HashMap<>());
    otherMethods.put(EXECUTION, new HashMap<>());
    otherMethods.put(NATIVE, new HashMap<>());
    Map<String, String> periods = new HashMap<>();
    try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
      Map<Long, String> typeNames = new HashMap<>();
      for (EventType type : file.readEventTypes()) {
        typeNames.put(type.getId(), type.getName());
      }
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        String name = e.getEventType().getName();
        if (name.equals("jdk.ActiveSetting") && "period".equals(e.getString("name"))) {
          String type = typeNames.get(e.getLong("id"));
          if (kinds.containsKey(type)) {
            periods.put(type, e.getString("value"));
          }
        } else if (kinds.containsKey(name) && e.getStackTrace() != null) {
          String kind = kind(e.getStackTrace());
          kinds.get(name).merge(kind, 1L, Long::sum);
          if (kind.equals("other") && !e.getStackTrace().getFrames().isEmpty()) {
            otherMethods.get(name).merge(otherMethod(e.getStackTrace()), 1L, Long::sum);
          }
        }
      }
    }
    for (String type : kinds.keySet()) {
      print(type + " (period " + periods.getOrDefault(type, "not recorded") + ")", kinds.get(type));
      print("  the " + OTHER_METHODS + " commonest methods of its \"other\" samples (innermost synthgen frame, else "
          + "innermost frame)", top(otherMethods.get(type)));
    }
  }

  /** The kind named by the innermost frame that names one, else "other". */
  static String kind(RecordedStackTrace stack) {
    for (RecordedFrame f : stack.getFrames()) {
      String type = className(f);
      String simple = type.substring(type.lastIndexOf('.') + 1);
      String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
      if (type.startsWith("io.synthgen.column.") && outer.endsWith("Gen")) {
        return "column " + outer;
      } else if (type.startsWith("io.synthgen.expr.")) {
        return "expr " + simple;
      } else if (type.startsWith("io.synthgen.output.parquet.")) {
        return "parquet encoding";
      } else if (type.startsWith("com.github.luben.zstd.") || type.toLowerCase(Locale.ROOT).contains("zstd")) {
        return "zstd compression";
      } else if (type.startsWith("io.synthgen.validate.")) {
        return "validation";
      } else if (type.startsWith("io.synthgen.series.")) {
        return "time series";
      }
    }
    return "other";
  }

  /**
   * The frame's class, a lambda or other hidden class ({@code Outer$$Lambda$52/0x0000000800c0b000}) named after the
   * class that defines it.
   */
  static String className(RecordedFrame f) {
    String type = f.getMethod().getType().getName();
    int slash = type.indexOf('/');
    String named = slash < 0 ? type : type.substring(0, slash);
    int lambda = named.indexOf("$$Lambda");
    return lambda < 0 ? named : named.substring(0, lambda) + " (lambda)";
  }

  /** The innermost synthgen method of a stack, or its innermost method when no synthgen frame is on it. */
  static String otherMethod(RecordedStackTrace stack) {
    RecordedFrame pick = stack.getFrames().get(0);
    for (RecordedFrame f : stack.getFrames()) {
      if (className(f).startsWith("io.synthgen.")) {
        pick = f;
        break;
      }
    }
    return className(pick) + "." + pick.getMethod().getName();
  }

  private static Map<String, Long> top(Map<String, Long> counts) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(OTHER_METHODS)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static void print(String title, Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    System.out.println();
    System.out.println(title + ", " + total + " samples in the table:");
    System.out.println();
    System.out.println("| kind | samples | share |");
    System.out.println("|---|---|---|");
    List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    for (Map.Entry<String, Long> e : sorted) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / total);
    }
  }
}
