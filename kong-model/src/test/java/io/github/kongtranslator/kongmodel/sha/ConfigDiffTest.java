package io.github.kongtranslator.kongmodel.sha;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
  private static KongConfig config(String routeHost, boolean withPlugin) {
    Service.Builder s =
        Service.builder()
            .name("svc")
            .host("h")
            .addRoute(Route.builder().name("r1").hosts(routeHost).build())
            .addRoute(Route.builder().name("r2").build());
    KongConfig.Builder b = KongConfig.builder().addService(s.build());
    if (withPlugin) {
      b.addPlugin(Plugin.builder().name("key-auth").route("r1").build());
    }
    return b.build();
  }

  @Test
  void identicalConfigs_haveAnEmptyDiff() {
    assertThat(ConfigDiff.between(config("a", true), config("a", true)).isEmpty()).isTrue();
  }

  @Test
  void changedNestedRoute_isReportedAlone() {
    ConfigDiff d = ConfigDiff.between(config("a", false), config("b", false));
    assertThat(d.changed()).extracting(EntityKey::path).containsExactly("services[svc]/routes[r1]");
    assertThat(d.added()).isEmpty();
    assertThat(d.removed()).isEmpty();
  }

  @Test
  void addedAndRemovedPlugins_areReported() {
    ConfigDiff added = ConfigDiff.between(config("a", false), config("a", true));
    assertThat(added.added())
        .extracting(EntityKey::path)
        .containsExactly("plugins[key-auth@route=r1]");
    assertThat(added.changedTopLevelKeys()).containsExactly("plugins");
    ConfigDiff removed = ConfigDiff.between(config("a", true), config("a", false));
    assertThat(removed.removed())
        .extracting(EntityKey::path)
        .containsExactly("plugins[key-auth@route=r1]");
  }

  @Test
  void formatVersionChange_isATopLevelChange() {
    KongConfig a = KongConfig.builder().build();
    KongConfig b = KongConfig.builder().formatVersion("1.1").build();
    assertThat(ConfigDiff.between(a, b).changedTopLevelKeys()).containsExactly("_format_version");
  }
}
