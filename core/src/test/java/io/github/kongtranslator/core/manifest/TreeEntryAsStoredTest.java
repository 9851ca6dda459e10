package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree entry points read objects as stored without copying the caller's tree, and still never
 * write into it (typed-list items get their list's apiVersion and kind on a copy).
 */
class TreeEntryAsStoredTest {
  private static final String LIST =
      """
      {"apiVersion": "v1", "kind": "ServiceList", "items": [
        {"metadata": {"name": "a", "namespace": "n"}, "spec": {"ports": [{"port": 80}]}},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "b", "namespace": "n"}}]}""";

  @Test
  void typedListItems_getTheListsKind_withoutChangingTheCallersTree() throws Exception {
    JsonNode tree = ModelJson.MAPPER.readTree(LIST);
    JsonNode before = tree.deepCopy();

    LoadResult r = Manifests.asStored().read(tree, "<tree>");

    assertThat(r.objects())
        .extracting(o -> o.kind() + " " + o.name())
        .containsExactly(Kind.SERVICE + " a", Kind.SERVICE + " b");
    assertThat(tree).isEqualTo(before);
    assertThat(r.objects()).isEqualTo(Manifests.asStored().readString(LIST, "<text>").objects());
  }

  @Test
  void anObjectAsStored_isReadAsItsText_andLeftAlone() throws Exception {
    String json =
        """
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
         "spec": {"ports": [{"port": 80}]}}""";
    JsonNode tree = ModelJson.MAPPER.readTree(json);
    JsonNode before = tree.deepCopy();

    LoadResult r = Manifests.asStored().read(tree, "<tree>");

    assertThat(tree).isEqualTo(before);
    assertThat(r.objects()).isEqualTo(Manifests.asStored().readString(json, "<text>").objects());
    // as stored: no namespace, uid or port defaults were added
    assertThat(r.objects().get(0).metadata().namespace()).isEmpty();
    assertThat(r.objects().get(0).metadata().uid()).isEmpty();
  }

  @Test
  void theMapEntryPoint_admitsWhenAsked_andLeavesTheMapAlone() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", "s");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "v1");
    object.put("kind", "Service");
    object.put("metadata", meta);
    object.put("spec", Map.of("ports", List.of(Map.of("port", 80))));

    LoadResult admitted = Manifests.defaults().read(object, "<map>");
    LoadResult stored = Manifests.asStored().read(object, "<map>");

    assertThat(meta).containsOnlyKeys("name");
    assertThat(admitted.objects().get(0).metadata().namespace()).isEqualTo("default");
    assertThat(stored.objects().get(0).metadata().namespace()).isEmpty();
  }
}
