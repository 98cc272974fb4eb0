package dev.kumo.core.image;

/**
 * One operation of a JSON patch ({@code application/openstack-images-v2.1-json-patch}) on a top-level image
 * attribute: {@code op} is add, replace or remove; {@code value} is a plain Java value (String, Long, Boolean,
 * List of String, or null) and is ignored for remove.
 */
public record PatchOperation(String op, String attribute, Object value) {}
