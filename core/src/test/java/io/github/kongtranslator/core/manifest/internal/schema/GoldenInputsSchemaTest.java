package io.github.kongtranslator.core.manifest.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.Corpus;
import io.github.kongtranslator.core.model.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every object of the KIC golden inputs ({@code ../shared/conformance/kic-golden/*}{@code
 * /in.yaml}) goes through defaulting, validation and the unknown-field check without an exception.
 * The numbers of objects defaulted and refused are printed (not asserted: KIC's inputs were written
 * for its tests, not all through an API server).
 */
class GoldenInputsSchemaTest {
  @Test
  void everyGoldenInputObjectIsProcessed() throws IOException {
    CrdSchemas schemas = CrdSchemas.bundled();
    int objects = 0;
    int withSchema = 0;
    int defaultedObjects = 0;
    int defaultedFields = 0;
    int refusedObjects = 0;
    int unknownObjects = 0;
    for (Path in : Corpus.inputs()) {
      String text = Files.readString(in, StandardCharsets.UTF_8);
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
        if (!(doc instanceof java.util.Map<?, ?>)) {
          continue;
        }
        ObjectNode o = (ObjectNode) TestObjects.JSON.valueToTree(doc);
        objects++;
        String apiVersion = o.path("apiVersion").asText();
        Optional<Kind> kind = Kind.forApiVersion(apiVersion, o.path("kind").asText());
        if (kind.isEmpty()) {
          continue;
        }
        String version = kind.get().versionOf(apiVersion);
        if (!schemas.hasSchema(kind.get(), version)) {
          continue;
        }
        withSchema++;
        String name =
            in.getParent().getFileName()
                + " "
                + o.path("kind").asText()
                + " "
                + o.path("metadata").path("namespace").asText()
                + "/"
                + o.path("metadata").path("name").asText();
        List<String> unknown = schemas.unknownFields(kind.get(), version, o);
        List<String> defaulted = schemas.applyDefaults(kind.get(), version, o);
        List<SchemaViolation> violations = schemas.validate(kind.get(), version, o);
        if (!defaulted.isEmpty()) {
          defaultedObjects++;
          defaultedFields += defaulted.size();
          System.out.println("defaulted: " + name + " " + defaulted);
        }
        if (!violations.isEmpty()) {
          refusedObjects++;
          violations.forEach(
              v ->
                  System.out.println(
                      "refused: "
                          + name
                          + " "
                          + v.pointer()
                          + " "
                          + v.rule().substring(0, Math.min(90, v.rule().length()))
                          + " :: "
                          + v.message()));
        }
        if (!unknown.isEmpty()) {
          unknownObjects++;
          System.out.println("unknown fields: " + name + " " + unknown);
        }
        JsonNode again = o.deepCopy();
        assertThat(schemas.applyDefaults(kind.get(), version, (ObjectNode) again)).isEmpty();
      }
    }
    System.out.printf(
        "golden inputs: %d objects, %d with a CRD schema, %d defaulted (%d fields),"
            + " %d refused, %d with unknown fields%n",
        objects, withSchema, defaultedObjects, defaultedFields, refusedObjects, unknownObjects);
    assertThat(withSchema).isPositive();
  }
}
