package io.github.kongtranslator.translator.internal.assembly;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.errors.TagIdentity;
import io.github.kongtranslator.kongmodel.validation.KongValidator;
import io.github.kongtranslator.kongmodel.validation.RouterFlavor;
import io.github.kongtranslator.kongmodel.validation.Violation;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kong's own validation of a translated configuration ({@link KongValidator}): each entity Kong
 * would reject becomes a {@link TranslationFailure.Effect#KONG_INVALID} failure blamed on the
 * object its {@code k8s-*} tags name. Not API.
 */
public final class KongChecks {
  private KongChecks() {}

  private static final KongValidator EXPRESSIONS =
      KongValidator.kong391().withRouterFlavor(RouterFlavor.EXPRESSIONS);
  private static final KongValidator TRADITIONAL_COMPATIBLE =
      KongValidator.kong391().withRouterFlavor(RouterFlavor.TRADITIONAL_COMPATIBLE);

  /**
   * The failures of a configuration, none when the check is off.
   *
   * @param config the translated configuration
   * @param options the options (the check, the router flavor from {@code ExpressionRoutes})
   * @return one failure per violation whose entity names an object, in document order
   */
  static ImmutableList<TranslationFailure> failures(KongConfig config, TranslatorOptions options) {
    if (!options.kongValidation()) {
      return ImmutableList.of();
    }
    KongValidator validator =
        options.isEnabled(FeatureFlag.EXPRESSION_ROUTES) ? EXPRESSIONS : TRADITIONAL_COMPATIBLE;
    ImmutableList.Builder<TranslationFailure> b = ImmutableList.builder();
    for (Violation v : validator.validate(config)) {
      Optional<ObjectRef> ref = TagIdentity.fromTags(v.tags()).targetRef();
      // an entity without k8s tags names no object: nothing to blame (and leave out)
      ref.ifPresent(
          r ->
              b.add(
                  TranslationFailure.of(
                      "Kong would reject " + v.line(),
                      TranslationFailure.Effect.KONG_INVALID,
                      List.of(r))));
    }
    return b.build();
  }

  /**
   * A translation's failures with the configuration's Kong validation failures added, in the
   * canonical order.
   *
   * @param config the configuration
   * @param failures the translation's failures
   * @param options the options
   * @return the failures
   */
  public static ImmutableList<TranslationFailure> withKongFailures(
      KongConfig config, List<TranslationFailure> failures, TranslatorOptions options) {
    ImmutableList<TranslationFailure> kong = failures(config, options);
    if (kong.isEmpty()) {
      return ImmutableList.copyOf(failures);
    }
    List<TranslationFailure> all = new ArrayList<>(failures);
    all.addAll(kong);
    return TranslationRun.canonical(all);
  }
}
