package io.github.kongtranslator.kongmodel.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.CaseFormat;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The entity definitions ({@link EntityKind#fieldSpecs()}) and the generated entity classes agree:
 * every defined field has a typed accessor and a builder setter, and every typed accessor is a
 * defined field or a nested list.
 */
class EntityDefinitionTest {

  private static String camel(String key) {
    return CaseFormat.LOWER_UNDERSCORE.to(CaseFormat.LOWER_CAMEL, key);
  }

  @ParameterizedTest
  @EnumSource(value = EntityKind.class, names = "CUSTOM_ENTITY", mode = EnumSource.Mode.EXCLUDE)
  void everyDefinedField_hasAnAccessorAndASetter(EntityKind kind) throws Exception {
    Class<?> builder =
        Arrays.stream(kind.type().getDeclaredClasses())
            .filter(c -> c.getSimpleName().equals("Builder"))
            .findFirst()
            .orElseThrow();
    for (FieldSpec f : kind.fieldSpecs()) {
      Method accessor = kind.type().getMethod(camel(f.name()));
      assertThat(Modifier.isPublic(accessor.getModifiers())).as(kind + "." + f.name()).isTrue();
      assertThat(
              Arrays.stream(builder.getMethods())
                  .filter(m -> m.getName().equals(camel(f.name())) && m.getParameterCount() == 1))
          .as("%s.Builder.%s", kind, camel(f.name()))
          .isNotEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = EntityKind.class, names = "CUSTOM_ENTITY", mode = EnumSource.Mode.EXCLUDE)
  void everyTypedAccessor_isADefinedFieldOrANestedList(EntityKind kind) {
    Set<String> defined = new HashSet<>();
    kind.fieldSpecs().forEach(f -> defined.add(camel(f.name())));
    kind.childKeys().forEach(k -> defined.add(camel(k)));
    for (Method m : kind.type().getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0
          && !m.getName().equals("toBuilder")) {
        assertThat(defined).as("%s.%s()", kind, m.getName()).contains(m.getName());
      }
    }
  }

  @Test
  void secretFields_deriveFromTheDefinitions() {
    assertThat(EntityKind.KEY_AUTH.secretFields()).containsExactly("key");
    assertThat(EntityKind.JWT_SECRET.secretFields()).containsExactly("key", "secret");
    assertThat(EntityKind.CERTIFICATE.secretFields()).containsExactly("key", "key_alt");
    assertThat(EntityKind.VAULT.secretFields()).containsExactly("config");
    assertThat(EntityKind.SERVICE.secretFields()).isEmpty();
    assertThat(EntityKind.SNI.fieldSpec("certificate").orElseThrow().references())
        .contains(EntityKind.CERTIFICATE);
    assertThat(EntityKind.ROUTE.fieldSpec("expression").orElseThrow().inKong(false)).isFalse();
    assertThat(EntityKind.ROUTE.fieldSpec("expression").orElseThrow().inKong(true)).isTrue();
    assertThat(EntityKind.UPSTREAM.fieldSpec("name").orElseThrow().isRequired()).isTrue();
  }
}
