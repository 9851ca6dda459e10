package io.github.kongtranslator.translator.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KongIdsTest {

  @Test
  void entityNamespaces_areUuid5OfThePluralNames() {
    assertThat(KongIds.uuid5(KongIds.ROOT, "services").toString())
        .isEqualTo("90050c4f-539a-5bd9-bfb5-2ff1c430ca18");
    assertThat(KongIds.uuid5(KongIds.ROOT, "routes").toString())
        .isEqualTo("78aafefa-16c7-5598-8955-58dc6264b27a");
    assertThat(KongIds.uuid5(KongIds.ROOT, "consumergroups").toString())
        .isEqualTo("4b01092a-c5c8-53f2-bed8-175b4436913f");
    assertThat(KongIds.uuid5(KongIds.ROOT, "plugins").toString())
        .isEqualTo("e9b79996-068a-576f-804e-98a685f0a58e");
  }

  @Test
  void id_matchesGoldenIdsForServicesRoutesConsumersAndPlugins() {
    assertThat(KongIds.id("services", "bar-namespace.foo-svc.80", ""))
        .isEqualTo("edc1d53e-73b4-5932-9455-0e01f0d53e3f");
    assertThat(KongIds.id("routes", "bar-namespace.ing-with-default-backend", ""))
        .isEqualTo("01c21dd4-41c1-57b6-a417-66c80b8ad22b");
    assertThat(KongIds.id("consumers", "consumer", ""))
        .isEqualTo("7deb6e70-60be-5dd2-b374-06551479ea5e");
    assertThat(KongIds.id("consumergroups", "consumer-group-2", ""))
        .isEqualTo("876a1c78-f75a-570e-a918-26506344add0");
    assertThat(KongIds.id("plugins", "degraphql:route/default.i1.s1..80", ""))
        .isEqualTo("930be9b8-4872-5184-90f6-836547507ba1");
  }

  @Test
  void id_withWorkspace_prefixesTheKey() {
    assertThat(KongIds.id("services", "demo.web.8080", ""))
        .isEqualTo("c817de7b-4d3f-5f10-af72-180588c80b1b");
    assertThat(KongIds.id("services", "demo.web.8080", "team-a"))
        .isEqualTo("99c974dc-a8b4-59b6-84df-63cbadd22957");
  }

  @Test
  void id_ofGlobalPlugin_usesThePluginNameAlone() {
    assertThat(KongIds.id("plugins", "prometheus", ""))
        .isEqualTo("5dd2efa0-db6d-5a54-aa16-c42188ab498c");
    assertThat(
            KongIds.id(
                "plugins", "key-auth:route/demo.shop.web.shop.example.com.8080:consumer/alice", ""))
        .isEqualTo("c6998e95-e357-504a-9ffd-6fa5dc7681c9");
  }
}
