package dev.kumo.api.image;

import dev.kumo.api.http.ApiModule;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.FaultRenderer;
import io.javalin.config.RoutesConfig;
import java.util.Objects;

/** Glance v2, mounted at {@code /image} (the catalog's image endpoint, as devstack publishes it). */
public final class ImageApi implements ApiModule {
    public static final String PREFIX = "/image";
    static final String V2 = PREFIX + "/v2";

    private final ImageServices services;
    private final Callers callers;
    private final GlanceFaults faults = new GlanceFaults();

    public ImageApi(ImageServices services, Callers callers) {
        this.services = Objects.requireNonNull(services, "services");
        this.callers = Objects.requireNonNull(callers, "callers");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public FaultRenderer faults() {
        return faults;
    }

    @Override
    public void routes(RoutesConfig routes) {
        new DiscoveryHandler(callers).register(routes);
        new ImagesHandler(services, callers).register(routes);
        new ImageDataHandler(services, callers, faults).register(routes);
        new MembersHandler(services, callers).register(routes);
    }
}
