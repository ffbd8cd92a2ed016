package io.synthgen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every strategy record has its method on {@link ColumnGen.Visitor}, and {@code accept} calls exactly that method:
 * read from the sealed interface's permitted subclasses, so a record added without its visitor method, or whose
 * {@code accept} calls another strategy's method, fails here as well as at compile time of each visitor.
 */
class ColumnGenVisitorTest {

  private static final List<Class<?>> RECORDS = List.of(ColumnGen.class.getPermittedSubclasses());

  private static List<Method> visitorMethods() {
    return Arrays.stream(ColumnGen.Visitor.class.getDeclaredMethods()).filter(m -> !m.isSynthetic()).toList();
  }

  private static String methodName(Class<?> record) {
    String n = record.getSimpleName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  @Test
  void everyStrategyIsARecordWithAVisitorMethodOfItsName() {
    assertEquals(ColumnGen.STRATEGIES.size(), RECORDS.size(), "one record per strategy id");
    assertEquals(RECORDS.size(), visitorMethods().size(), () -> "visitor methods " + visitorMethods());
    for (Class<?> r : RECORDS) {
      assertTrue(r.isRecord(), r + " is a record");
      Method m = assertDoesExist(r);
      assertEquals(1, m.getParameterCount());
      assertSame(r, m.getParameterTypes()[0], m + " takes " + r.getSimpleName());
      assertTrue(m.getGenericReturnType() instanceof TypeVariable<?>, m + " returns the visitor's R");
      assertTrue(Modifier.isAbstract(m.getModifiers()) && !m.isDefault(),
          m + " has no default: each visitor must answer for every strategy");
    }
  }

  @Test
  void recordsCarryEveryStrategyIdOnce() {
    List<String> ids = new ArrayList<>();
    for (Class<?> r : RECORDS) {
      ids.add(instance(r).strategy());
    }
    assertEquals(new TreeSet<>(ColumnGen.STRATEGIES), new TreeSet<>(ids));
    assertEquals(ids.size(), Set.copyOf(ids).size(), () -> "duplicate strategy ids " + ids);
  }

  @Test
  void acceptCallsTheMethodNamedAfterTheRecordWithTheRecord() {
    List<String> calls = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    @SuppressWarnings("unchecked")
    ColumnGen.Visitor<String> recorder = (ColumnGen.Visitor<String>) Proxy.newProxyInstance(
        ColumnGen.Visitor.class.getClassLoader(), new Class<?>[] {ColumnGen.Visitor.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("hashCode") ? 0 : method.getName().equals("equals") ? false : "recorder";
          }
          calls.add(method.getName());
          arguments.add(args[0]);
          return "result of " + method.getName();
        });
    for (Class<?> r : RECORDS) {
      calls.clear();
      arguments.clear();
      ColumnGen g = instance(r);
      String result = g.accept(recorder);
      assertEquals(List.of(methodName(r)), calls, r.getSimpleName() + ".accept");
      assertSame(g, arguments.get(0), r.getSimpleName() + ".accept passes itself");
      assertEquals("result of " + methodName(r), result, r.getSimpleName() + ".accept returns the method's result");
    }
    assertEquals(RECORDS.stream().map(ColumnGenVisitorTest::methodName).collect(Collectors.toSet()),
        visitorMethods().stream().map(Method::getName).collect(Collectors.toSet()), "no visitor method without a record");
  }

  @Test
  void theSamplesHoldOneValidInstanceOfEveryRecord() {
    assertEquals(ColumnGen.STRATEGIES, List.copyOf(StrategySamples.all().keySet()));
    Set<Class<?>> classes = new java.util.HashSet<>();
    StrategySamples.all().forEach((id, g) -> {
      assertEquals(id, g.strategy());
      classes.add(g.getClass());
    });
    assertEquals(Set.copyOf(RECORDS), classes);
  }

  @Test
  void aVisitorAnswersEveryStrategy() {
    ColumnGen.Visitor<String> ids = new ColumnGen.Visitor<>() {
      public String sequence(ColumnGen.Sequence g) { return g.strategy(); }
      public String uniform(ColumnGen.Uniform g) { return g.strategy(); }
      public String values(ColumnGen.Values g) { return g.strategy(); }
      public String dist(ColumnGen.Dist g) { return g.strategy(); }
      public String dateRange(ColumnGen.DateRange g) { return g.strategy(); }
      public String dictionary(ColumnGen.Dictionary g) { return g.strategy(); }
      public String pattern(ColumnGen.Pattern g) { return g.strategy(); }
      public String uuid(ColumnGen.Uuid g) { return g.strategy(); }
      public String bool(ColumnGen.Bool g) { return g.strategy(); }
      public String constant(ColumnGen.Constant g) { return g.strategy(); }
      public String foreignKey(ColumnGen.ForeignKey g) { return g.strategy(); }
      public String parent(ColumnGen.Parent g) { return g.strategy(); }
      public String childIndex(ColumnGen.ChildIndex g) { return g.strategy(); }
      public String lookup(ColumnGen.Lookup g) { return g.strategy(); }
      public String childAggregate(ColumnGen.ChildAggregate g) { return g.strategy(); }
      public String expression(ColumnGen.Expression g) { return g.strategy(); }
    };
    List<String> reached = new ArrayList<>();
    for (Class<?> r : RECORDS) {
      reached.add(instance(r).accept(ids));
    }
    assertEquals(new TreeSet<>(ColumnGen.STRATEGIES), new TreeSet<>(reached));
  }

  private static Method assertDoesExist(Class<?> record) {
    Method found = null;
    for (Method m : visitorMethods()) {
      if (m.getName().equals(methodName(record))) {
        assertFalse(found != null, "one method " + methodName(record));
        found = m;
      }
    }
    assertNotNull(found, "ColumnGen.Visitor has no method " + methodName(record) + "(" + record.getSimpleName()
        + " g): add it, and answer for " + record.getSimpleName() + " in every visitor");
    return found;
  }

  /** A record with zero, false or null components: enough to dispatch, the visitor reads none of them. */
  private static ColumnGen instance(Class<?> record) {
    RecordComponent[] cs = record.getRecordComponents();
    Class<?>[] types = Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Object[] args = new Object[cs.length];
    for (int i = 0; i < cs.length; i++) {
      Class<?> t = types[i];
      args[i] = t == long.class ? (Object) 0L : t == double.class ? (Object) 0.0 : t == int.class ? (Object) 0
          : t == boolean.class ? (Object) false : null;
    }
    try {
      Constructor<?> k = record.getDeclaredConstructor(types);
      return (ColumnGen) k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot make a " + record.getSimpleName(), e);
    }
  }
}
