package io.github.kongtranslator.buildchecks;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The style guide's source rules that javac does not enforce (../shared/docs/style.md, section 8,
 * "Stop doing"), checked on parse trees from the JDK's {@code com.sun.source} API:
 *
 * <ul>
 *   <li>{@code default-in-enum-switch}: a {@code switch} (statement or expression) with a {@code
 *       default} branch whose case labels are all constants of one of our own enums. Java 17 has no
 *       pattern switch, so an unqualified identifier label naming a constant of an enum declared in
 *       the checked sources is how a switch over our enum reads; without {@code default} the
 *       compiler (switch expressions) or a reviewer sees a new constant.
 *   <li>{@code optional-parameter}: a method or constructor parameter of type {@code Optional}.
 *   <li>{@code optional-record-component}: a record component of type {@code Optional}.
 * </ul>
 *
 * <p>Only parsing is done (no attribution), so the check needs no classpath.
 */
final class SourceRules {

  /** One broken rule at one place. */
  record Violation(String file, long line, String rule, String detail) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + rule + ": " + detail;
    }
  }

  private static final Set<String> OPTIONAL_TYPES =
      Set.of("Optional", "java.util.Optional", "OptionalInt", "OptionalLong", "OptionalDouble");

  private SourceRules() {}

  /**
   * The {@code .java} files under every {@code src/main/java} below {@code root} (build output in
   * {@code target} skipped), sorted.
   */
  static List<Path> mainSources(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> root.relativize(p).toString().replace('\\', '/').contains("src/main/java/"))
          .filter(p -> !root.relativize(p).toString().replace('\\', '/').contains("/target/"))
          .filter(p -> !root.relativize(p).toString().startsWith("target"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  /** Checks files on disk, named relative to {@code root} in the violations. */
  static List<Violation> checkFiles(Path root, List<Path> files) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path f : files) {
      try {
        sources.put(root.relativize(f).toString(), Files.readString(f));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
    }
    return check(sources);
  }

  /**
   * Checks sources given as name to text; enums are collected from all of them first, so a switch
   * in one file over an enum of another is seen.
   */
  static List<Violation> check(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(new Source(name, text)));
    JavacTask task =
        (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null, files);
    List<CompilationUnitTree> units = new ArrayList<>();
    try {
      task.parse().forEach(units::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SourcePositions positions = Trees.instance(task).getSourcePositions();

    // pass 1: every enum's constants
    List<Set<String>> enums = new ArrayList<>();
    for (CompilationUnitTree unit : units) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitClass(ClassTree node, Void unused) {
          if (node.getKind() == Tree.Kind.ENUM) {
            Set<String> constants = new LinkedHashSet<>();
            for (Tree member : node.getMembers()) {
              // enum constants are parsed as variables whose type is the enum itself
              if (member instanceof VariableTree v
                  && v.getType() instanceof IdentifierTree t
                  && t.getName().contentEquals(node.getSimpleName())) {
                constants.add(v.getName().toString());
              }
            }
            if (!constants.isEmpty()) {
              enums.add(constants);
            }
          }
          return super.visitClass(node, unused);
        }
      }.scan(unit, null);
    }

    // pass 2: the rules
    List<Violation> violations = new ArrayList<>();
    for (CompilationUnitTree unit : units) {
      String file = unit.getSourceFile().getName();
      new TreePathScanner<Void, Void>() {
        private void report(Tree at, String rule, String detail) {
          long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, at));
          violations.add(new Violation(file, line, rule, detail));
        }

        private void checkSwitch(Tree at, List<? extends CaseTree> cases) {
          boolean hasDefault = false;
          Set<String> labels = new LinkedHashSet<>();
          boolean allIdentifiers = true;
          for (CaseTree c : cases) {
            List<? extends ExpressionTree> exprs = c.getExpressions();
            if (exprs.isEmpty()) {
              hasDefault = true;
            }
            for (ExpressionTree e : exprs) {
              if (e instanceof IdentifierTree id) {
                labels.add(id.getName().toString());
              } else {
                allIdentifiers = false;
              }
            }
          }
          if (!hasDefault || !allIdentifiers || labels.isEmpty()) {
            return;
          }
          for (Set<String> constants : enums) {
            if (constants.containsAll(labels)) {
              report(
                  at,
                  "default-in-enum-switch",
                  "switch over one of our enums (cases " + labels + ") has a default branch");
              return;
            }
          }
        }

        @Override
        public Void visitSwitch(SwitchTree node, Void unused) {
          checkSwitch(node, node.getCases());
          return super.visitSwitch(node, unused);
        }

        @Override
        public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
          checkSwitch(node, node.getCases());
          return super.visitSwitchExpression(node, unused);
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
          if (isCompactConstructor(node)) {
            // its parameters are the record's components, reported as such
            return super.visitMethod(node, unused);
          }
          for (VariableTree p : node.getParameters()) {
            if (isOptional(p.getType())) {
              report(
                  p,
                  "optional-parameter",
                  "parameter '" + p.getName() + "' of " + node.getName() + " is an Optional");
            }
          }
          return super.visitMethod(node, unused);
        }

        /** The enclosing classes, innermost last. */
        private final List<ClassTree> records = new ArrayList<>();

        private boolean isCompactConstructor(MethodTree m) {
          if (!m.getName().contentEquals("<init>") || records.isEmpty()) {
            return false;
          }
          ClassTree enclosing = records.get(records.size() - 1);
          if (enclosing.getKind() != Tree.Kind.RECORD) {
            return false;
          }
          List<String> components = new ArrayList<>();
          for (Tree member : enclosing.getMembers()) {
            if (member instanceof VariableTree v
                && !v.getModifiers().getFlags().contains(Modifier.STATIC)) {
              components.add(v.getName().toString());
            }
          }
          return m.getParameters().stream()
              .map(p -> p.getName().toString())
              .toList()
              .equals(components);
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
          records.add(node);
          try {
            return visitRecord(node, unused);
          } finally {
            records.remove(records.size() - 1);
          }
        }

        private Void visitRecord(ClassTree node, Void unused) {
          if (node.getKind() == Tree.Kind.RECORD) {
            for (Tree member : node.getMembers()) {
              // a record's only instance fields are its components
              if (member instanceof VariableTree v
                  && !v.getModifiers().getFlags().contains(Modifier.STATIC)
                  && isOptional(v.getType())) {
                report(
                    v,
                    "optional-record-component",
                    "component '"
                        + v.getName()
                        + "' of record "
                        + node.getSimpleName()
                        + " is an Optional");
              }
            }
          }
          return super.visitClass(node, unused);
        }
      }.scan(unit, null);
    }
    return violations;
  }

  private static boolean isOptional(Tree type) {
    Tree raw = type instanceof ParameterizedTypeTree p ? p.getType() : type;
    return OPTIONAL_TYPES.contains(raw.toString())
        || (raw instanceof MemberSelectTree m && m.toString().equals("java.util.Optional"));
  }

  /** An in-memory source file named as given. */
  private static final class Source extends SimpleJavaFileObject {
    private final String name;
    private final String text;

    Source(String name, String text) {
      super(URI.create("string:///" + name.replace('\\', '/')), Kind.SOURCE);
      this.name = name;
      this.text = text;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
