package io.github.kongtranslator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestWarning;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.fallback.status.ObjectStatus;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import io.github.kongtranslator.translator.gatewayapi.Condition;
import io.github.kongtranslator.translator.gatewayapi.ListenerStatus;
import io.github.kongtranslator.translator.gatewayapi.ParentStatus;
import io.github.kongtranslator.translator.gatewayapi.RouteGroupKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kong-translator status}: the status a controller would write for every object of the
 * manifests, computed from their translation alone (no gateway), as JSON on stdout.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the status of every object (stdout, JSON): programmed True|False|Unknown",
      "from the translation alone (no gateway), Gateway API route parent conditions and",
      "Gateway listener status. Warnings and translation failures go to stderr (exit 0)."
    })
final class StatusCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "manifest files, directories, or - for stdin")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--flag",
      paramLabel = "NAME=true|false",
      description = "feature flag, e.g. ExpressionRoutes=true (repeatable); defaults as KIC's")
  Map<String, String> flags = new LinkedHashMap<>();

  @Option(
      names = "--ingress-class",
      paramLabel = "C",
      description = "controller ingress class (default: kong)")
  String ingressClass = "kong";

  @Option(
      names = "--gateway-controller",
      paramLabel = "NAME",
      description =
          "Gateway API controller name; Gateways of GatewayClasses naming it are managed"
              + " (default: "
              + AttachmentOptions.KIC_CONTROLLER_NAME
              + ", KIC's)")
  String gatewayController = AttachmentOptions.KIC_CONTROLLER_NAME;

  @Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    TranslatorOptions options =
        TranslateCommand.options(cl, flags, ingressClass).toBuilder()
            .gatewayControllerName(gatewayController)
            .build();
    LoadResult loaded = InputFiles.load(inputs);
    CacheStores snapshot = CacheStores.of(loaded.objects());
    TranslationResult result = Translator.create(options).translate(snapshot);
    PrintWriter err = cl.getErr();
    for (ManifestWarning w : loaded.warnings()) {
      err.println("warning: " + w);
    }
    for (TranslationFailure f : result.failures()) {
      err.println("translation failure: " + f);
    }
    StatusReport report =
        Statuses.ofTranslation(snapshot, result, AttachmentOptions.of(gatewayController));
    cl.getOut().println(json(report));
    return KongTranslatorCli.OK;
  }

  /** The JSON contract of issue 19 (keep it exact: checks parse it). */
  static String json(StatusReport report) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode objects = root.putArray("objects");
    for (ObjectStatus s : report.objects().values()) {
      ObjectNode o = objects.addObject();
      o.put("kind", s.object().kind());
      o.put("namespace", s.object().namespace());
      o.put("name", s.object().name());
      o.put("programmed", s.configuration().conditionStatus());
      o.put("reason", s.reason());
      o.put("message", s.message());
      ArrayNode parents = o.putArray("parents");
      for (ParentStatus p : s.parents()) {
        ObjectNode pn = parents.addObject();
        GatewayApi.ParentReference r = p.parentRef();
        ObjectNode ref = pn.putObject("parentRef");
        ref.put("group", r.group());
        ref.put("kind", r.kind());
        ref.put("namespace", r.namespace());
        ref.put("name", r.name());
        ref.put("sectionName", r.sectionName());
        ref.put("port", r.port());
        pn.put("controllerName", p.controllerName());
        conditions(pn.putArray("conditions"), p.conditions());
      }
      ArrayNode listeners = o.putArray("listeners");
      for (ListenerStatus l : s.listeners()) {
        ObjectNode ln = listeners.addObject();
        ln.put("name", l.name());
        ArrayNode kinds = ln.putArray("supportedKinds");
        for (RouteGroupKind k : l.supportedKinds()) {
          kinds.addObject().put("group", k.group()).put("kind", k.kind());
        }
        ln.put("attachedRoutes", l.attachedRoutes());
        conditions(ln.putArray("conditions"), l.conditions());
      }
      conditions(o.putArray("conditions"), s.conditions());
    }
    return mapper.writeValueAsString(root);
  }

  private static void conditions(ArrayNode out, List<Condition> conditions) {
    for (Condition c : conditions) {
      out.addObject()
          .put("type", c.type())
          .put("status", c.status())
          .put("reason", c.reason())
          .put("message", c.message());
    }
  }
}
