package dev.kumo.core.identity.policydocument;

import java.util.Map;

/** Fields a policy create or update sets; null means "not given". A null value in {@code extra} removes it. */
public record PolicyDocumentChanges(String type, String blob, Map<String, Object> extra) {}
