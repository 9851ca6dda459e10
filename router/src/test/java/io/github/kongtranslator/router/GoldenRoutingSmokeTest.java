package io.github.kongtranslator.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden output of KIC's corpus (configurations KIC produced and Kong accepted) builds a
 * router without error in the flavour it was made for, and routes a few requests: one per route
 * with a plain path, no headers and a plain host or none, which must then match some route, plus a
 * fixed request.
 */
class GoldenRoutingSmokeTest {
  @TestFactory
  Stream<DynamicTest> everyGolden_buildsAndRoutes() throws IOException {
    Path corpus =
        Path.of(System.getProperty("kt.shared.dir", "../../shared"), "conformance", "kic-golden");
    List<Path> goldens = new ArrayList<>();
    try (Stream<Path> s = Files.walk(corpus)) {
      s.filter(p -> p.getFileName().toString().endsWith("_golden.yaml"))
          .sorted()
          .forEach(goldens::add);
    }
    assertThat(goldens).hasSizeGreaterThanOrEqualTo(40);
    return goldens.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    corpus.relativize(p).toString(),
                    () -> {
                      KongConfig config = KongConfigReader.read(p);
                      RouterFlavor flavor =
                          p.getFileName().toString().startsWith("expression-routes-on")
                              ? RouterFlavor.EXPRESSIONS
                              : RouterFlavor.TRADITIONAL_COMPATIBLE;
                      KongRouter router = KongRouter.build(config, flavor);
                      router.explain(RouteRequest.fromUrl("http://example.com/").build());
                      router.explain(
                          RouteRequest.fromUrl("https://example.com/foo?x=1")
                              .header("x", "y")
                              .build());
                      for (Service s : config.services()) {
                        for (Route r : s.routes()) {
                          if (!checkable(r)) {
                            continue;
                          }
                          String scheme = httpsOnly(r) ? "https" : "http";
                          RouteResult res =
                              router.route(
                                  RouteRequest.fromUrl(
                                          scheme
                                              + "://"
                                              + (r.hosts().isEmpty()
                                                  ? "example.com"
                                                  : r.hosts().get(0))
                                              + plainPath(r))
                                      .build());
                          assertThat(res.matched())
                              .as("%s %s", r.name().orElse("?"), res.request())
                              .isTrue();
                        }
                      }
                    }));
  }

  private static @org.jspecify.annotations.Nullable String plainPath(Route r) {
    return r.paths().stream().filter(p -> !p.startsWith("~")).findFirst().orElse(null);
  }

  private static boolean httpsOnly(Route r) {
    return r.protocols().size() == 1 && r.protocols().get(0).equals("https");
  }

  @Test
  void corpus_hasRoutesToCheck() throws IOException {
    int checked = 0;
    Path corpus =
        Path.of(System.getProperty("kt.shared.dir", "../../shared"), "conformance", "kic-golden");
    try (Stream<Path> s = Files.walk(corpus)) {
      for (Path p :
          (Iterable<Path>) s.filter(x -> x.toString().endsWith("default_golden.yaml"))::iterator) {
        for (Service sv : KongConfigReader.read(p).services()) {
          for (Route r : sv.routes()) {
            if (checkable(r)) {
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).as("routes the smoke test routes to").isGreaterThan(10);
  }

  private static boolean checkable(Route r) {
    return !(plainPath(r) == null
        || !r.hosts().isEmpty() && r.hosts().get(0).contains("*")
        || r.headers().isPresent()
        || !r.methods().isEmpty() && !r.methods().contains("GET"));
  }
}
