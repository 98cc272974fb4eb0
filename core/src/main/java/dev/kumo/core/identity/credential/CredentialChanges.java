package dev.kumo.core.identity.credential;

import java.util.Map;
import java.util.Optional;

/**
 * Fields a credential create or update sets; null means "not given". {@code projectId} may be set to null
 * (an empty Optional), as Keystone allows. {@code extra} holds every other attribute; a null value in it
 * removes that attribute. {@link #toString()} leaves the blob out.
 */
public record CredentialChanges(String userId, Optional<String> projectId, String type, String blob,
                                Map<String, Object> extra) {
    @Override
    public String toString() {
        return "CredentialChanges[userId=" + userId + ", projectId=" + projectId + ", type=" + type
                + ", blob=" + (blob == null ? "null" : "<hidden>") + ", extra=" + (extra == null ? null : extra.keySet()) + "]";
    }
}
