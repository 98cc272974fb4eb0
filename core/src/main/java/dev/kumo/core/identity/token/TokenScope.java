package dev.kumo.core.identity.token;

/** What a token is scoped to; {@code id} is null for UNSCOPED and SYSTEM. */
public record TokenScope(Kind kind, String id) {
    public enum Kind { UNSCOPED, PROJECT, DOMAIN, SYSTEM }

    public static final TokenScope UNSCOPED = new TokenScope(Kind.UNSCOPED, null);
    public static final TokenScope SYSTEM = new TokenScope(Kind.SYSTEM, null);

    public static TokenScope project(String id) {
        return new TokenScope(Kind.PROJECT, id);
    }

    public static TokenScope domain(String id) {
        return new TokenScope(Kind.DOMAIN, id);
    }
}
