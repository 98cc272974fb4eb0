package dev.kumo.core.image;

import dev.kumo.core.identity.token.Token;
import dev.kumo.core.image.store.ImageStore;
import dev.kumo.core.image.store.ImageTx;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageMember;
import dev.kumo.model.image.MemberStatus;
import dev.kumo.model.image.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Sharing images with other projects, with Glance's rules: only shared images have members; the owner (or an
 * admin) adds and removes members; only the member itself accepts or rejects; a member sees its own membership,
 * the owner sees all.
 */
public final class MemberService {
    private final ImageStore store;
    private final ImageSettings settings;
    private final Clock clock;

    public MemberService(ImageStore store, ImageSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ImageMember add(Token caller, String imageId, String memberId) {
        return store.write(tx -> {
            Image image = sharedImage(tx, caller, imageId);
            if (!ImageAccess.isAdmin(caller) && !ImageAccess.owns(caller, image)) {
                throw CloudError.forbidden("Not allowed to create members for image %s.", imageId);
            }
            if (tx.members().find(imageId, memberId).isPresent()) {
                throw CloudError.conflict("Conflict", "Member %s is duplicated for image %s", memberId, imageId);
            }
            if (tx.members().count(imageId) >= settings.membersPerImage()) {
                throw new CloudError.PayloadTooLarge("ImageMemberLimitExceeded", "Image member limit exceeded for image "
                        + imageId + ": the limit is " + settings.membersPerImage() + " members.").exception();
            }
            Instant now = now();
            var member = new ImageMember(imageId, memberId, MemberStatus.PENDING, now, now);
            tx.members().insert(member);
            return member;
        });
    }

    public ImageMember setStatus(Token caller, String imageId, String memberId, String status) {
        MemberStatus target = MemberStatus.parse(status);
        if (target == null) {
            throw CloudError.badRequest("Invalid status: %s. It must be one of pending, accepted, rejected.", status);
        }
        return store.write(tx -> {
            Image image = sharedImage(tx, caller, imageId);
            ImageMember member = findMember(tx, caller, image, memberId);
            if (!memberId.equals(caller.projectId())) {
                throw CloudError.forbidden("You are not permitted to modify 'status' on this image member.");
            }
            var updated = new ImageMember(imageId, memberId, target, member.createdAt(), now());
            tx.members().update(updated);
            return updated;
        });
    }

    /** The owner (and admins) see every member; a member sees only itself. */
    public List<ImageMember> list(Token caller, String imageId) {
        return store.read(tx -> {
            Image image = sharedImage(tx, caller, imageId);
            if (ImageAccess.isAdmin(caller) || ImageAccess.owns(caller, image)) {
                return tx.members().list(imageId);
            }
            return tx.members().find(imageId, caller.projectId()).stream().toList();
        });
    }

    public ImageMember get(Token caller, String imageId, String memberId) {
        return store.read(tx -> {
            Image image = ImageAccess.visible(tx, caller, imageId);
            return findMember(tx, caller, image, memberId);
        });
    }

    public void remove(Token caller, String imageId, String memberId) {
        store.write(tx -> {
            Image image = sharedImage(tx, caller, imageId);
            findMember(tx, caller, image, memberId);
            if (!ImageAccess.isAdmin(caller) && !ImageAccess.owns(caller, image)) {
                throw CloudError.forbidden("Not allowed to delete members for image %s.", imageId);
            }
            tx.members().delete(imageId, memberId);
            return null;
        });
    }

    private static Image sharedImage(ImageTx tx, Token caller, String imageId) {
        Image image = ImageAccess.visible(tx, caller, imageId);
        if (image.visibility() != Visibility.SHARED) {
            throw CloudError.forbidden("Error fetching members of image %s: Only shared images have members.", imageId);
        }
        return image;
    }

    /** A membership the caller may see: any for the owner and admins, its own for a member. */
    private static ImageMember findMember(ImageTx tx, Token caller, Image image, String memberId) {
        boolean mayLook = ImageAccess.isAdmin(caller) || ImageAccess.owns(caller, image)
                || memberId.equals(caller.projectId());
        return tx.members().find(image.id(), memberId).filter(m -> mayLook).orElseThrow(() -> CloudError.notFound(
                "MemberNotFound", "%s not found in the member list of the image %s.", memberId, image.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
