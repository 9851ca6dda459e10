package io.github.kongtranslator.core.manifest.internal.schema;

/**
 * One value the API server would refuse under a CRD's schema.
 *
 * @param pointer JSON pointer of the offending field inside the object (e.g. {@code
 *     /spec/rules/0/matches/0/path/value})
 * @param rule the schema rule, e.g. {@code enum}, {@code pattern}, {@code maxLength}, {@code
 *     required}, {@code x-kubernetes-validations: <rule text>}
 * @param message what is wrong, without quoting secret values
 */
public record SchemaViolation(String pointer, String rule, String message) {}
