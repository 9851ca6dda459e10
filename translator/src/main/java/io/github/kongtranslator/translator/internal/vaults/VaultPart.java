package io.github.kongtranslator.translator.internal.vaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongVault;
import io.github.kongtranslator.kongmodel.config.Vault;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Json;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** KongVaults → {@code vaults} (gateway-api-spec §10). */
public final class VaultPart {
  private final Context ctx;
  private final List<Vault> out = new ArrayList<>();

  private VaultPart(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The vaults stage.
   *
   * @param ctx the run
   * @return the {@code vaults} entries, in creation order
   */
  public static ImmutableList<Vault> run(Context ctx) {
    VaultPart part = new VaultPart(ctx);
    part.vaults();
    return ImmutableList.copyOf(part.out);
  }

  private void vaults() {
    List<KongVault> vaults = new ArrayList<>(ctx.stores.list(Kind.KONG_VAULT, KongVault.class));
    vaults.removeIf(v -> !ctx.annotationClassMatches(v));
    vaults.sort(
        Comparator.comparing((KongVault v) -> v.metadata().creationTimestamp())
            .thenComparing(v -> v.metadata().name(), Strs.BYTES));
    Set<String> prefixes = new HashSet<>();
    for (KongVault v : vaults) {
      String prefix = Strs.nz(v.spec().prefix());
      if (!prefixes.add(prefix)) {
        ctx.fail("spec.prefix \"" + prefix + "\" is duplicate", v);
        continue;
      }
      JsonNode config = v.spec().config() == null ? null : v.spec().config().toNode();
      if (config != null && !config.isNull() && !config.isObject()) {
        ctx.fail("spec.config of " + v.ref() + " must be a JSON object", v);
        continue;
      }
      Vault.Builder n = Vault.builder();
      if (config != null && config.isObject() && !config.isEmpty()) {
        n.adoptConfig((ObjectNode) Json.normalizeNumbers(config));
      }
      String description = v.spec().description();
      if (description != null && !description.isEmpty()) {
        n.description(description);
      }
      if (ctx.flag(FeatureFlag.FILL_IDS)) {
        n.id(ctx.id("vaults", prefix));
      }
      n.name(Strs.nz(v.spec().backend()));
      n.prefix(prefix);
      n.tags(Tags.of(v));
      out.add(n.build());
    }
  }
}
