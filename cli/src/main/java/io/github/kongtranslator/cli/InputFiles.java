package io.github.kongtranslator.cli;

import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestOptions;
import io.github.kongtranslator.core.manifest.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the {@code FILE|DIR|-} arguments shared by the commands, as one load. */
final class InputFiles {
  private InputFiles() {}

  /** Loads with the default options. */
  static LoadResult load(List<String> inputs) {
    return load(inputs, ManifestOptions.defaults());
  }

  /**
   * Loads the inputs in order; consecutive paths are read as one run (the run bounds apply to them
   * together), {@code -} reads stdin.
   */
  static LoadResult load(List<String> inputs, ManifestOptions options) {
    Manifests loader = Manifests.with(options);
    LoadResult result = LoadResult.empty();
    List<Path> paths = new ArrayList<>();
    for (String in : inputs) {
      if (in.equals("-")) {
        result = result.plus(loader.read(List.copyOf(paths)));
        paths.clear();
        result = result.plus(loader.read(System.in, "<stdin>"));
      } else {
        paths.add(Path.of(in));
      }
    }
    return result.plus(loader.read(paths));
  }

  /** The options for a {@code -n/--namespace} value (empty: kubectl's {@code default}). */
  static ManifestOptions options(String namespace) {
    return namespace.isEmpty()
        ? ManifestOptions.defaults()
        : ManifestOptions.builder().defaultNamespace(namespace).build();
  }
}
