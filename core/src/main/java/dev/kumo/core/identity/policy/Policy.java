package dev.kumo.core.identity.policy;

import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;

/** The checks every identity handler makes; a denial names the action, as Keystone's 403 does. */
public final class Policy {
    private Policy() {}

    public static boolean isAdmin(Token caller) {
        return caller.hasRole("admin");
    }

    /** May read any identity resource: admins, and system-scoped readers. */
    public static boolean isReader(Token caller) {
        return isAdmin(caller) || (caller.systemScoped() && caller.hasRole("reader"));
    }

    public static void require(boolean allowed, String action) {
        if (!allowed) {
            throw CloudError.forbidden("You are not authorized to perform the requested action: %s.", action);
        }
    }

    public static void requireAdmin(Token caller, String action) {
        require(isAdmin(caller), action);
    }

    public static void requireReader(Token caller, String action) {
        require(isReader(caller), action);
    }

    /** Admins, or the user the resource belongs to. */
    public static void requireAdminOrOwner(Token caller, String ownerUserId, String action) {
        require(isAdmin(caller) || caller.userId().equals(ownerUserId), action);
    }

    /** Readers, or the user the resource belongs to. */
    public static void requireReaderOrOwner(Token caller, String ownerUserId, String action) {
        require(isReader(caller) || caller.userId().equals(ownerUserId), action);
    }
}
