package io.github.kongtranslator.kongmodel.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link KeyShapes}: equal shapes of known fields share one array; anything else is copied. */
class KeyShapesTest {

  @Test
  void sameKnownShape_sharesOneArray_whichLaterBuilderWritesDoNotChange() {
    String[] builder = {"name", "paths", "protocols", null, null};
    String[] first = KeyShapes.of(EntityKind.ROUTE, builder, 3);
    builder[1] = "hosts"; // the builder goes on; the shared shape must not see it
    String[] other = KeyShapes.of(EntityKind.ROUTE, new String[] {"name", "paths", "protocols"}, 3);

    assertThat(first).containsExactly("name", "paths", "protocols");
    assertThat(other).isSameAs(first);
    assertThat(KeyShapes.of(EntityKind.ROUTE, builder, 3))
        .containsExactly("name", "hosts", "protocols")
        .isNotSameAs(first);
  }

  @Test
  void orderKindAndLengthAreTheShape() {
    String[] a = KeyShapes.of(EntityKind.SERVICE, new String[] {"name", "host"}, 2);

    assertThat(KeyShapes.of(EntityKind.SERVICE, new String[] {"host", "name"}, 2)).isNotSameAs(a);
    assertThat(KeyShapes.of(EntityKind.UPSTREAM, new String[] {"name", "host"}, 2)).isNotSameAs(a);
    assertThat(KeyShapes.of(EntityKind.SERVICE, new String[] {"name", "host", "port"}, 1))
        .containsExactly("name");
  }

  @Test
  void shapesWithUnknownKeys_areCopiedEveryTime() {
    String[] keys = {"name", "x-not-a-field"};
    String[] first = KeyShapes.of(EntityKind.SERVICE, keys, 2);

    assertThat(first).containsExactly("name", "x-not-a-field").isNotSameAs(keys);
    assertThat(KeyShapes.of(EntityKind.SERVICE, keys, 2)).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void entitiesOfOneShape_stayEqualAndIndependent() {
    Service a = Service.builder().name("a").host("h").build();
    Service b = Service.builder().name("b").host("h").build();
    Service a2 = a.toBuilder().host("other").build();

    assertThat(a.field("name")).hasValueSatisfying(n -> assertThat(n.asText()).isEqualTo("a"));
    assertThat(b.field("name")).hasValueSatisfying(n -> assertThat(n.asText()).isEqualTo("b"));
    assertThat(a2.field("host")).hasValueSatisfying(n -> assertThat(n.asText()).isEqualTo("other"));
    assertThat(a.field("host")).hasValueSatisfying(n -> assertThat(n.asText()).isEqualTo("h"));
    assertThat(a).isNotEqualTo(b).isEqualTo(Service.builder().name("a").host("h").build());
  }

  @Test
  void manyShapes_growTheTable_andEachIsFoundAgain() {
    // subsets of Route's known fields, in order: far more than the initial 64 slots
    java.util.List<String> fields = java.util.List.copyOf(EntityKind.ROUTE.knownFields());
    java.util.List<String[]> firsts = new java.util.ArrayList<>();
    for (int n = 1; n <= Math.min(8, fields.size()); n++) {
      for (int start = 0; start + n <= fields.size(); start++) {
        firsts.add(
            KeyShapes.of(
                EntityKind.ROUTE, fields.subList(start, start + n).toArray(new String[0]), n));
      }
    }
    int k = 0;
    for (int n = 1; n <= Math.min(8, fields.size()); n++) {
      for (int start = 0; start + n <= fields.size(); start++) {
        String[] again = fields.subList(start, start + n).toArray(new String[0]);
        assertThat(KeyShapes.of(EntityKind.ROUTE, again, n))
            .isSameAs(firsts.get(k++))
            .containsExactly(again);
      }
    }
    assertThat(firsts).hasSizeGreaterThan(64);
  }
}
