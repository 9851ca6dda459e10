package io.github.kongtranslator.kongmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.errors.FlattenedErrors;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.kongmodel.sha.ConfigDiff;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import org.junit.jupiter.api.Test;

/** The usage example of the module documentation, compiled and run. */
class UsageExampleTest {

  @Test
  void usageExample_buildsWritesReadsHashesAndDiffs() {
    KongConfig config =
        KongConfig.builder()
            .addService(
                Service.builder()
                    .name("demo.web.80")
                    .host("web.demo.80.svc")
                    .port(80)
                    .protocol("http")
                    .tags("k8s-name:web", "k8s-namespace:demo")
                    .addRoute(
                        Route.builder()
                            .name("demo.web.example.com.80")
                            .hosts("example.com")
                            .paths("/")
                            .build())
                    .build())
            .addPlugin(Plugin.builder().name("key-auth").route("demo.web.example.com.80").build())
            .build();
    String yaml = KongConfigWriter.yaml().write(config);
    KongConfig back = KongConfigReader.yaml().read(yaml, "example.yaml");
    ConfigSha sha = ConfigSha.of(back);
    ConfigDiff diff =
        ConfigDiff.between(config, back.toBuilder().plugins(java.util.List.of()).build());
    var broken =
        FlattenedErrors.parse("{\"flattened_errors\":[]}")
            .rejection()
            .orElseThrow()
            .targetBrokenObjects();

    assertThat(yaml).startsWith("_format_version: \"3.0\"\nplugins:\n- name: key-auth\n");
    assertThat(back).isEqualTo(config);
    assertThat(sha).isEqualTo(ConfigSha.of(config));
    assertThat(diff.removed()).hasSize(1);
    assertThat(broken).isEmpty();
  }
}
