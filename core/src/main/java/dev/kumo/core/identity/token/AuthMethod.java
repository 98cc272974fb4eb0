package dev.kumo.core.identity.token;

/** How a token was obtained, as Keystone names it in {@code methods}. */
public enum AuthMethod {
    PASSWORD("password"), TOKEN("token"), APPLICATION_CREDENTIAL("application_credential");

    private final String keystoneName;

    AuthMethod(String keystoneName) {
        this.keystoneName = keystoneName;
    }

    public String keystoneName() {
        return keystoneName;
    }
}
