package io.github.kongtranslator.core.manifest;

/**
 * Resource limits applied while loading manifests. Every limit has a safe default ({@link
 * #defaults()}); exceeding one gives a {@link ManifestException} naming the limit.
 *
 * <p>{@code maxObjectBytes} is checked on each YAML document's text <em>before</em> it is parsed (a
 * document ends at a {@code ---} or {@code ...} line), so a huge scalar fails at once instead of
 * going quadratic in the YAML scanner. Its default, 1.5 MiB, is the largest request etcd stores by
 * default ({@code --max-request-bytes} 1572864), so no object larger than what a default Kubernetes
 * API server can store is read. A {@code kind: List} document is one document for this bound: split
 * larger lists or raise the limit. The run bounds ({@code maxTotalObjects}, {@code maxTotalBytes})
 * apply across every source of one call (all files below a directory, all paths of {@link
 * Manifests#read(java.util.List)}).
 *
 * @param maxStreamChars maximum characters (bytes for files and streams) in one source; default 64
 *     MiB
 * @param maxDocuments maximum documents in one source (items of a list count too); default 100,000
 * @param maxDepth maximum nesting depth of a document; default 64
 * @param maxNodesPerDocument maximum JSON nodes one document may expand to after resolving aliases
 *     (bounds "billion laughs" alias bombs); default 1,000,000
 * @param maxAliases maximum aliases to collections per source; default 100
 * @param maxObjectBytes maximum UTF-8 bytes of one document, checked before parsing; default
 *     1,572,864 (1.5 MiB, etcd's default request limit)
 * @param maxTotalObjects maximum objects (documents and list items) in one load; default 100,000
 * @param maxTotalBytes maximum UTF-8 bytes read in one load; default 256 MiB
 */
public record ManifestLimits(
    int maxStreamChars,
    int maxDocuments,
    int maxDepth,
    int maxNodesPerDocument,
    int maxAliases,
    int maxObjectBytes,
    int maxTotalObjects,
    long maxTotalBytes) {

  /** The default per-object bound: 1.5 MiB, etcd's default {@code --max-request-bytes}. */
  public static final int DEFAULT_MAX_OBJECT_BYTES = 1_572_864;

  /**
   * Validates that every limit is positive.
   *
   * @param maxStreamChars maximum characters (bytes for files and streams) in one source; default
   *     64 MiB
   * @param maxDocuments maximum documents in one source (items of a list count too); default
   *     100,000
   * @param maxDepth maximum nesting depth of a document; default 64
   * @param maxNodesPerDocument maximum JSON nodes one document may expand to after resolving
   *     aliases (bounds "billion laughs" alias bombs); default 1,000,000
   * @param maxAliases maximum aliases to collections per source; default 100
   * @param maxObjectBytes maximum UTF-8 bytes of one document, checked before parsing; default
   *     1,572,864 (1.5 MiB, etcd's default request limit)
   * @param maxTotalObjects maximum objects (documents and list items) in one load; default 100,000
   * @param maxTotalBytes maximum UTF-8 bytes read in one load; default 256 MiB
   */
  public ManifestLimits {
    if (maxStreamChars <= 0
        || maxDocuments <= 0
        || maxDepth <= 0
        || maxNodesPerDocument <= 0
        || maxAliases < 0
        || maxObjectBytes <= 0
        || maxTotalObjects <= 0
        || maxTotalBytes <= 0) {
      throw new IllegalArgumentException("manifest limits must be positive");
    }
  }

  /** {@return the default limits} */
  public static ManifestLimits defaults() {
    return new ManifestLimits(
        64 * 1024 * 1024,
        100_000,
        64,
        1_000_000,
        100,
        DEFAULT_MAX_OBJECT_BYTES,
        100_000,
        256L * 1024 * 1024);
  }

  /**
   * A copy with another maximum stream size.
   *
   * @param chars the new limit
   * @return the limits
   */
  public ManifestLimits withMaxStreamChars(int chars) {
    return new ManifestLimits(
        chars,
        maxDocuments,
        maxDepth,
        maxNodesPerDocument,
        maxAliases,
        maxObjectBytes,
        maxTotalObjects,
        maxTotalBytes);
  }

  /**
   * A copy with another maximum document count.
   *
   * @param documents the new limit
   * @return the limits
   */
  public ManifestLimits withMaxDocuments(int documents) {
    return new ManifestLimits(
        maxStreamChars,
        documents,
        maxDepth,
        maxNodesPerDocument,
        maxAliases,
        maxObjectBytes,
        maxTotalObjects,
        maxTotalBytes);
  }

  /**
   * A copy with another maximum depth.
   *
   * @param depth the new limit
   * @return the limits
   */
  public ManifestLimits withMaxDepth(int depth) {
    return new ManifestLimits(
        maxStreamChars,
        maxDocuments,
        depth,
        maxNodesPerDocument,
        maxAliases,
        maxObjectBytes,
        maxTotalObjects,
        maxTotalBytes);
  }

  /**
   * A copy with another maximum expanded node count per document.
   *
   * @param nodes the new limit
   * @return the limits
   */
  public ManifestLimits withMaxNodesPerDocument(int nodes) {
    return new ManifestLimits(
        maxStreamChars,
        maxDocuments,
        maxDepth,
        nodes,
        maxAliases,
        maxObjectBytes,
        maxTotalObjects,
        maxTotalBytes);
  }

  /**
   * A copy with another maximum alias count.
   *
   * @param aliases the new limit
   * @return the limits
   */
  public ManifestLimits withMaxAliases(int aliases) {
    return new ManifestLimits(
        maxStreamChars,
        maxDocuments,
        maxDepth,
        maxNodesPerDocument,
        aliases,
        maxObjectBytes,
        maxTotalObjects,
        maxTotalBytes);
  }

  /**
   * A copy with another per-document (per-object) size bound.
   *
   * @param bytes the new limit in UTF-8 bytes
   * @return the limits
   */
  public ManifestLimits withMaxObjectBytes(int bytes) {
    return new ManifestLimits(
        maxStreamChars,
        maxDocuments,
        maxDepth,
        maxNodesPerDocument,
        maxAliases,
        bytes,
        maxTotalObjects,
        maxTotalBytes);
  }

  /**
   * A copy with another bound on the objects of one load.
   *
   * @param objects the new limit
   * @return the limits
   */
  public ManifestLimits withMaxTotalObjects(int objects) {
    return new ManifestLimits(
        maxStreamChars,
        maxDocuments,
        maxDepth,
        maxNodesPerDocument,
        maxAliases,
        maxObjectBytes,
        objects,
        maxTotalBytes);
  }

  /**
   * A copy with another bound on the bytes of one load.
   *
   * @param bytes the new limit in UTF-8 bytes
   * @return the limits
   */
  public ManifestLimits withMaxTotalBytes(long bytes) {
    return new ManifestLimits(
        maxStreamChars,
        maxDocuments,
        maxDepth,
        maxNodesPerDocument,
        maxAliases,
        maxObjectBytes,
        maxTotalObjects,
        bytes);
  }

  /**
   * Limits for trusted bulk input (benchmarks, generated clusters): the stream, object and run
   * bounds lifted, the structural bounds (depth, nodes, aliases) kept.
   *
   * @return the limits
   */
  public static ManifestLimits bulk() {
    return new ManifestLimits(
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        64,
        1_000_000,
        100,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        Long.MAX_VALUE);
  }
}
