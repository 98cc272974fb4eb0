package dev.kumo.core.image;

import dev.kumo.core.identity.token.Token;
import dev.kumo.core.image.store.ImageQuery;
import dev.kumo.core.image.store.ImageStore;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageStatus;
import dev.kumo.model.image.ImageTask;
import dev.kumo.model.image.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/** Image records: create, show, list, JSON-patch update, tags, delete, deactivate and reactivate. */
public final class ImageService {
    private final ImageStore store;
    private final ImageSettings settings;
    private final Clock clock;
    private final Consumer<String> dataDeleter;

    /** @param dataDeleter deletes an image's bytes once its record is gone (idempotent) */
    public ImageService(ImageStore store, ImageSettings settings, Clock clock, Consumer<String> dataDeleter) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataDeleter = Objects.requireNonNull(dataDeleter, "dataDeleter");
    }

    public Image create(Token caller, NewImage in) {
        String id = in.id() == null ? UUID.randomUUID().toString() : in.id();
        if (!ImageRules.UUID.matcher(id).matches()) {
            throw ImageRules.invalid("'%s' does not match '%s'", id, ImageRules.UUID.pattern());
        }
        Visibility visibility = in.visibility() == null ? Visibility.SHARED : ImageRules.visibility(in.visibility());
        ImageAccess.requireMaySet(caller, visibility);
        String owner = in.owner() == null ? caller.projectId() : in.owner();
        if (!ImageAccess.isAdmin(caller) && !Objects.equals(owner, caller.projectId())) {
            throw CloudError.forbidden("You are not permitted to create images owned by '%s'.", owner);
        }
        in.properties().keySet().forEach(ImageRules::requireSettableProperty);
        ImageRules.requirePropertyCount(in.properties(), settings.propertiesPerImage());
        Instant now = now();
        var image = new Image(id, ImageRules.name(in.name()), ImageStatus.QUEUED, visibility,
                Boolean.TRUE.equals(in.isProtected()), Boolean.TRUE.equals(in.osHidden()), owner,
                ImageRules.diskFormat(in.diskFormat()), ImageRules.containerFormat(in.containerFormat()),
                ImageRules.minimum(in.minDisk(), "min_disk"), ImageRules.minimum(in.minRam(), "min_ram"), null, null, null,
                null, null, now, now, new ArrayList<>(ImageRules.tags(in.tags(), settings.tagsPerImage())),
                new LinkedHashMap<>(in.properties()));
        return store.write(tx -> {
            if (tx.images().find(id).isPresent()) {
                throw CloudError.conflict("Conflict", "Image with identifier %s already exists!", id);
            }
            tx.images().insert(image);
            return image;
        });
    }

    public Image get(Token caller, String id) {
        return store.read(tx -> ImageAccess.visible(tx, caller, id));
    }

    /** One page; {@code filter.marker()} must name an image the caller can see. */
    public List<Image> list(Token caller, ImageFilter f) {
        return store.read(tx -> {
            Image marker = null;
            if (f.marker() != null) {
                marker = tx.images().find(f.marker()).filter(i -> ImageAccess.canSee(tx, caller, i))
                        .orElseThrow(() -> CloudError.badRequest("No image found with ID %s", f.marker()));
            }
            var query = new ImageQuery(caller.projectId(), ImageAccess.isAdmin(caller), f.visibility(),
                    f.allVisibilities(), f.memberStatus(), f.ids(), f.names(), f.status(), f.owner(), f.diskFormat(),
                    f.containerFormat(), f.size(), f.sizeMin(), f.sizeMax(), f.checksum(), f.osHashValue(),
                    f.isProtected(), f.osHidden(), f.tags(),
                    f.properties(), f.sort(), marker, f.limit());
            return tx.images().list(query);
        });
    }

    public Image update(Token caller, String id, List<PatchOperation> changes) {
        return store.write(tx -> {
            Image old = ImageAccess.visible(tx, caller, id);
            ImageAccess.requireOwnerOrAdmin(caller, old, "modify_image");
            if (changes.isEmpty()) {
                return old;
            }
            var draft = new ImageDraft(old);
            var patcher = new ImagePatcher(caller, settings, old.status());
            changes.forEach(change -> patcher.apply(draft, change));
            Image updated = draft.build(now());
            tx.images().update(updated);
            return updated;
        });
    }

    public void addTag(Token caller, String id, String tag) {
        mutateTags(caller, id, tags -> tags.add(tag));
    }

    public void removeTag(Token caller, String id, String tag) {
        mutateTags(caller, id, tags -> {
            if (!tags.remove(tag)) {
                throw CloudError.notFound("TagNotFound", "Tag %s not found", tag);
            }
        });
    }

    private void mutateTags(Token caller, String id, Consumer<java.util.LinkedHashSet<String>> change) {
        store.write(tx -> {
            Image old = ImageAccess.visible(tx, caller, id);
            ImageAccess.requireOwnerOrAdmin(caller, old, "modify_image");
            var draft = new ImageDraft(old);
            change.accept(draft.tags);
            ImageRules.tags(List.copyOf(draft.tags), settings.tagsPerImage());
            tx.images().update(draft.build(now()));
            return null;
        });
    }

    public void delete(Token caller, String id) {
        store.write(tx -> {
            Image image = ImageAccess.visible(tx, caller, id);
            ImageAccess.requireOwnerOrAdmin(caller, image, "delete_image");
            if (image.isProtected()) {
                throw CloudError.forbidden("Image %s is protected and cannot be deleted.", id);
            }
            tx.images().delete(id);
            return null;
        });
        // after commit: a crash before this leaves a file no image owns, which start-up recovery removes
        dataDeleter.accept(id);
    }

    public void deactivate(Token caller, String id) {
        transition(caller, id, "deactivate", ImageStatus.DEACTIVATED);
    }

    public void reactivate(Token caller, String id) {
        transition(caller, id, "reactivate", ImageStatus.ACTIVE);
    }

    /**
     * Between active and deactivated, by the owner's project or an admin (Glance Zed's default policy; only an
     * admin may download a deactivated image); asking for the status an image already has does nothing.
     */
    private void transition(Token caller, String id, String action, ImageStatus target) {
        store.write(tx -> {
            Image image = ImageAccess.visible(tx, caller, id);
            ImageAccess.requireOwnerOrAdmin(caller, image, action);
            if (image.status() == target) {
                return null;
            }
            if (image.status() != ImageStatus.ACTIVE && image.status() != ImageStatus.DEACTIVATED) {
                throw CloudError.forbidden("Not allowed to %s image in status '%s'", action, image.status().wire());
            }
            tx.images().update(image.withStatus(target, now()));
            return null;
        });
    }

    /** The image's import tasks ({@code GET /v2/images/{id}/tasks}), oldest first. */
    public List<ImageTask> tasks(Token caller, String id) {
        return store.read(tx -> {
            ImageAccess.visible(tx, caller, id);
            return tx.tasks().forImage(id);
        });
    }

    /** Glance's timestamps have whole seconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

}
