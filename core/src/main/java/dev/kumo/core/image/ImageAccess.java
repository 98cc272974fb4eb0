package dev.kumo.core.image;

import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.image.store.ImageTx;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.Visibility;

/**
 * Glance's rules for who sees and who changes an image. Seeing: admins see everything; others see their
 * project's images, public and community ones, and shared ones whose member (of any status) their project is.
 * Changing: the owner's project or an admin. An image the caller cannot see does not exist for it (404).
 */
final class ImageAccess {
    private ImageAccess() {}

    static boolean isAdmin(Token caller) {
        return Policy.isAdmin(caller);
    }

    static boolean owns(Token caller, Image image) {
        return caller.projectId() != null && caller.projectId().equals(image.owner());
    }

    static boolean canSee(ImageTx tx, Token caller, Image image) {
        if (isAdmin(caller) || image.owner() == null || owns(caller, image)) {
            return true;
        }
        return switch (image.visibility()) {
            case PUBLIC, COMMUNITY -> true;
            case SHARED -> caller.projectId() != null
                    && tx.members().find(image.id(), caller.projectId()).isPresent();
            case PRIVATE -> false;
        };
    }

    /** The image if the caller may see it, else Glance's 404. */
    static Image visible(ImageTx tx, Token caller, String id) {
        return tx.images().find(id).filter(i -> canSee(tx, caller, i)).orElseThrow(() -> notFound(id));
    }

    static void requireOwnerOrAdmin(Token caller, Image image, String action) {
        if (!isAdmin(caller) && !owns(caller, image)) {
            throw notAuthorized(action);
        }
    }

    /** Publishing needs an admin (Glance's publicize_image rule); the other visibilities are the owner's choice. */
    static void requireMaySet(Token caller, Visibility visibility) {
        if (visibility == Visibility.PUBLIC && !isAdmin(caller)) {
            throw notAuthorized("publicize_image");
        }
    }

    static RuntimeException notFound(String id) {
        return CloudError.notFound("ImageNotFound", "No image found with ID %s", id);
    }

    static RuntimeException notAuthorized(String action) {
        return CloudError.forbidden("You are not authorized to complete %s action.", action);
    }
}
