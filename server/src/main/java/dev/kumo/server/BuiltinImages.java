package dev.kumo.server;

import dev.kumo.api.image.ImageServices;
import dev.kumo.core.identity.token.AuthMethod;
import dev.kumo.core.identity.token.AuthRequest;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.core.identity.token.TokenService;
import dev.kumo.core.image.ImageFilter;
import dev.kumo.core.image.NewImage;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the built-in guest image — which {@code ./kumo up} builds with {@code guest-image/build} into
 * {@code <state-dir>/cache/guest} — as the public images {@code cirros} and {@code kumo-cirros}, once. It
 * acts as the {@code admin} user through the image service, so the image gets the same checks (format,
 * checksums) as any upload. Idempotent: a name that exists already is left alone.
 */
final class BuiltinImages {
    static final List<String> NAMES = List.of("cirros", "kumo-cirros");
    private static final Logger LOG = LoggerFactory.getLogger(BuiltinImages.class);

    private BuiltinImages() {}

    /** @return the names registered now (empty when there is no built image or all exist) */
    static List<String> register(Path cacheDir, TokenService tokens, ImageServices images, String adminPassword) {
        Optional<Path> built = newest(cacheDir);
        if (built.isEmpty()) {
            return List.of();
        }
        Token admin = tokens.issue(new AuthRequest(List.of(AuthMethod.PASSWORD),
                new AuthRequest.PasswordCredentials(new AuthRequest.UserRef(null, "admin",
                        new AuthRequest.DomainRef("default", null)), adminPassword), null, null,
                new AuthRequest.ScopeRequest(TokenScope.Kind.PROJECT, null, "admin", new AuthRequest.DomainRef("default", null))));
        List<String> registered = new ArrayList<>();
        for (String name : NAMES) {
            if (images.images().list(admin, ImageFilter.named(name, Visibility.PUBLIC)).isEmpty()) {
                Image image = upload(admin, images, name, built.get());
                LOG.info("registered the built-in guest image {} as public image {} ({})", built.get().getFileName(),
                        name, image.id());
                registered.add(name);
            }
        }
        return registered;
    }

    private static Image upload(Token admin, ImageServices images, String name, Path file) {
        // the guest needs 96 MiB of RAM; it is CirrOS-compatible, so tools that look for os_distro see cirros
        var draft = new NewImage(null, name, "public", false, false, null, "qcow2", "bare", 0, 96, List.of("kumo-builtin"),
                Map.of("os_distro", "cirros", "os_type", "linux", "hw_vif_model", "virtio",
                        "kumo_image_file", file.getFileName().toString()));
        Image created = images.images().create(admin, draft);
        try (InputStream in = Files.newInputStream(file)) {
            return images.data().upload(admin, created.id(), in, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in image " + file, e);
        }
    }

    /** The most recently built {@code kumo-cirros-*.qcow2}, if any. */
    static Optional<Path> newest(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.getFileName().toString().matches("kumo-cirros-.*\\.qcow2"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
