package io.github.kongtranslator.core.manifest;

/**
 * Resource limits applied while loading manifests. Every limit has a safe default ({@link
 * #defaults()}); exceeding one gives a {@link ManifestException} naming the limit.
 *
 * @param maxStreamChars maximum characters in one source (file, stream or string); bounds the
 *     size of every document; default 64 MiB
 * @param maxDocuments maximum documents in one source (items of a {@code kind: List} count
 *     too); default 100,000
 * @param maxDepth maximum nesting depth of a document; default 64
 * @param maxNodesPerDocument maximum JSON nodes one document may expand to after resolving
 *     aliases (bounds "billion laughs" alias bombs); default 1,000,000
 * @param maxAliases maximum aliases to collections per source; default 100
 */
public record ManifestLimits(
    int maxStreamChars, int maxDocuments, int maxDepth, int maxNodesPerDocument, int maxAliases) {

  /** Validates that every limit is positive. */
  public ManifestLimits {
    if (maxStreamChars <= 0 || maxDocuments <= 0 || maxDepth <= 0 || maxNodesPerDocument <= 0
        || maxAliases < 0) {
      throw new IllegalArgumentException("manifest limits must be positive");
    }
  }

  /** The default limits. */
  public static ManifestLimits defaults() {
    return new ManifestLimits(64 * 1024 * 1024, 100_000, 64, 1_000_000, 100);
  }

  /**
   * A copy with another maximum stream size.
   *
   * @param chars the new limit
   * @return the limits
   */
  public ManifestLimits withMaxStreamChars(int chars) {
    return new ManifestLimits(chars, maxDocuments, maxDepth, maxNodesPerDocument, maxAliases);
  }

  /**
   * A copy with another maximum document count.
   *
   * @param documents the new limit
   * @return the limits
   */
  public ManifestLimits withMaxDocuments(int documents) {
    return new ManifestLimits(maxStreamChars, documents, maxDepth, maxNodesPerDocument, maxAliases);
  }

  /**
   * A copy with another maximum depth.
   *
   * @param depth the new limit
   * @return the limits
   */
  public ManifestLimits withMaxDepth(int depth) {
    return new ManifestLimits(maxStreamChars, maxDocuments, depth, maxNodesPerDocument, maxAliases);
  }

  /**
   * A copy with another maximum expanded node count per document.
   *
   * @param nodes the new limit
   * @return the limits
   */
  public ManifestLimits withMaxNodesPerDocument(int nodes) {
    return new ManifestLimits(maxStreamChars, maxDocuments, maxDepth, nodes, maxAliases);
  }

  /**
   * A copy with another maximum alias count.
   *
   * @param aliases the new limit
   * @return the limits
   */
  public ManifestLimits withMaxAliases(int aliases) {
    return new ManifestLimits(maxStreamChars, maxDocuments, maxDepth, maxNodesPerDocument, aliases);
  }
}
