package io.github.kongtranslator.fallback.sync;

import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A gateway that answers pushes from a script (default: accepted) and records them. */
final class ScriptedGateway implements GatewayClient {
  final String id;
  final boolean atomic;
  final Deque<PushOutcome> script = new ArrayDeque<>();
  final List<ConfigSha> pushes = new ArrayList<>();
  String instance = "1";
  boolean empty;
  RuntimeException throwOnPush;

  ScriptedGateway(String id, boolean atomic) {
    this.id = id;
    this.atomic = atomic;
  }

  ScriptedGateway then(PushOutcome o) {
    script.add(o);
    return this;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean isAtomic() {
    return atomic;
  }

  @Override
  public PushOutcome push(KongConfig config, ConfigSha sha) {
    pushes.add(sha);
    if (throwOnPush != null) {
      throw throwOnPush;
    }
    PushOutcome o = script.poll();
    return o == null ? PushOutcome.accepted() : o;
  }

  @Override
  public boolean reportsEmptyConfig() {
    return empty;
  }

  @Override
  public String instance() {
    return instance;
  }
}
