package io.github.kongtranslator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.CorpusObjects;
import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Defaulting is idempotent: loading an object, writing it out and loading it again changes nothing.
 * Objects come from the conformance corpus with namespace, uid and core fields randomly removed (as
 * people write them). A failure prints the QuickTheories seed; replay it with {@code
 * -DQT_SEED=<seed>}.
 */
class DefaultingIdempotenceTest {

  @Test
  void loadWriteLoad_changesNothing() {
    qt().forAll(CorpusObjects.objectLists(), CorpusObjects.seeds())
        .checkAssert(
            (objects, seed) -> {
              Random rnd = new Random(seed);
              ArrayNode written = ModelJson.MAPPER.createArrayNode();
              for (K8sObject o : objects) {
                ObjectNode tree = (ObjectNode) ModelJson.toTree(o);
                strip(tree, rnd);
                written.add(tree);
              }
              LoadResult first = Manifests.defaults().read(written, "first");
              ArrayNode again = ModelJson.MAPPER.createArrayNode();
              first.objects().forEach(o -> again.add(ModelJson.toTree(o)));
              LoadResult second = Manifests.defaults().read(again, "second");
              assertThat(second.objects()).isEqualTo(first.objects());
              assertThat(second.rejected()).isEmpty();
              assertThat(first.objects())
                  .allSatisfy(
                      o -> {
                        assertThat(o.metadata().uid()).isNotEmpty();
                        assertThat(o.metadata().namespace().isEmpty())
                            .isEqualTo(!o.kind().namespaced());
                      });
            });
  }

  /** Removes what people often leave out: namespace, uid, Service type and port fields. */
  private static void strip(ObjectNode tree, Random rnd) {
    ObjectNode meta = (ObjectNode) tree.get("metadata");
    if (rnd.nextBoolean()) {
      meta.remove("namespace");
    }
    if (rnd.nextBoolean()) {
      meta.remove("uid");
    }
    if (tree.path("spec").isObject() && rnd.nextBoolean()) {
      ((ObjectNode) tree.get("spec")).remove(List.of("type", "sessionAffinity"));
    }
    for (var port : tree.path("spec").path("ports")) {
      if (port instanceof ObjectNode p && rnd.nextBoolean()) {
        p.remove(List.of("protocol", "targetPort"));
      }
    }
  }
}
