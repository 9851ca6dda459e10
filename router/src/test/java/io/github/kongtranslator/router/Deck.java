package io.github.kongtranslator.router;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.io.ConfigFormat;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;

/** Test helper: a deck YAML text as a configuration and a router. */
final class Deck {
  private Deck() {}

  static KongConfig config(String yaml) {
    return KongConfigReader.of(ConfigFormat.YAML).read("_format_version: \"3.0\"\n" + yaml, "test");
  }

  static KongRouter router(String yaml) {
    return KongRouter.build(config(yaml), RouterFlavor.TRADITIONAL_COMPATIBLE);
  }

  static KongRouter router(String yaml, RouterFlavor flavor) {
    return KongRouter.build(config(yaml), flavor);
  }

  /** The name of the route that serves a request, or "none". */
  static String routeOf(KongRouter router, RouteRequest request) {
    return router.route(request).match().map(RouteMatch::routeName).orElse("none");
  }

  static String routeOf(KongRouter router, String url) {
    return routeOf(router, RouteRequest.fromUrl(url).build());
  }
}
