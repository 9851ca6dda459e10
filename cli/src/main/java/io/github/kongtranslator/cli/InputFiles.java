package io.github.kongtranslator.cli;

import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import java.nio.file.Path;
import java.util.List;

/** Loads the {@code FILE|DIR|-} arguments shared by the commands. */
final class InputFiles {
  private InputFiles() {}

  static LoadResult load(List<String> inputs) {
    LoadResult result = new LoadResult(List.of(), List.of());
    for (String in : inputs) {
      result = result.plus(in.equals("-")
          ? Manifests.defaults().read(System.in, "<stdin>")
          : Manifests.load(Path.of(in)));
    }
    return result;
  }
}
