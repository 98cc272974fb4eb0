package dev.kumo.server;

import dev.kumo.api.http.ApiServer;
import dev.kumo.api.http.ApiSettings;
import dev.kumo.api.http.Callers;
import dev.kumo.api.compute.ComputeApi;
import dev.kumo.api.identity.IdentityApi;
import dev.kumo.api.image.ImageApi;
import dev.kumo.api.image.ImageServices;
import dev.kumo.api.identity.IdentityServices;
import dev.kumo.api.identity.JsonBlobParser;
import dev.kumo.api.network.NetworkApi;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.appcred.ApplicationCredentialService;
import dev.kumo.core.identity.assignment.AssignmentService;
import dev.kumo.core.identity.bootstrap.BootstrapSettings;
import dev.kumo.core.identity.bootstrap.CatalogEntry;
import dev.kumo.core.identity.bootstrap.IdentityBootstrap;
import dev.kumo.core.identity.catalog.CatalogService;
import dev.kumo.core.identity.credential.CredentialCipher;
import dev.kumo.core.identity.credential.CredentialService;
import dev.kumo.core.identity.credential.Ec2CredentialService;
import dev.kumo.core.identity.domain.DomainService;
import dev.kumo.core.identity.domainconfig.DomainConfigService;
import dev.kumo.core.identity.endpointfilter.EndpointGroupService;
import dev.kumo.core.identity.group.GroupService;
import dev.kumo.core.identity.password.PasswordHasher;
import dev.kumo.core.identity.policydocument.PolicyDocumentService;
import dev.kumo.core.identity.project.ProjectService;
import dev.kumo.core.identity.role.RoleService;
import dev.kumo.core.identity.token.Authenticator;
import dev.kumo.core.identity.token.TokenCodec;
import dev.kumo.core.identity.token.TokenService;
import dev.kumo.core.identity.token.TokenSettings;
import dev.kumo.core.identity.trust.TrustService;
import dev.kumo.core.identity.user.UserService;
import dev.kumo.core.image.ImageDataService;
import dev.kumo.core.image.ImageService;
import dev.kumo.core.image.ImageSettings;
import dev.kumo.core.image.MemberService;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.compute.ComputeSettings;
import dev.kumo.server.config.KumoConfig;
import dev.kumo.store.Database;
import dev.kumo.store.identity.SqlIdentityStore;
import dev.kumo.store.image.FilesystemImageDataStore;
import dev.kumo.store.image.QemuImgInspector;
import dev.kumo.store.image.SqlImageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole control plane in one process: the one place where store, services and APIs are wired. */
public final class CloudServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudServer.class);

    private final Database database;
    private final ApiServer api;
    private final NetworkWiring network;
    private final ComputeWiring compute;
    private final MetadataWiring metadata;

    private CloudServer(Database database, ApiServer api, NetworkWiring network, ComputeWiring compute,
                        MetadataWiring metadata) {
        this.database = database;
        this.api = api;
        this.network = network;
        this.compute = compute;
        this.metadata = metadata;
    }

    public static CloudServer start(KumoConfig config) {
        Database database = openDatabase(config);
        try {
            var state = new IdentityState(new SqlIdentityStore(database));
            var hasher = new PasswordHasher(config.bcryptCost());
            new IdentityBootstrap(state, hasher).run(new BootstrapSettings(config.adminPassword(), config.demoPassword(),
                    config.region(), catalog(config)));
            var codec = new TokenCodec(tokenKey(state));
            var clock = Clock.systemUTC();
            var tokens = new TokenService(state, codec, new Authenticator(state, hasher),
                    new TokenSettings(config.tokenLifetime()), clock);
            var projects = new ProjectService(state);
            var blobs = new JsonBlobParser();
            var cipher = CredentialCipher.loadOrCreate(state.store());
            var credentials = new CredentialService(state, cipher, blobs);
            var services = new IdentityServices(state, tokens, new DomainService(state), projects,
                    new UserService(state, hasher, projects, clock), new GroupService(state, clock),
                    new CatalogService(state), new ApplicationCredentialService(state, hasher, clock),
                    new RoleService(state), new AssignmentService(state),
                    credentials, new Ec2CredentialService(state, credentials, blobs), new PolicyDocumentService(state),
                    new EndpointGroupService(state), new DomainConfigService(state, cipher), new TrustService(state, clock));
            var callers = new Callers(tokens);
            var images = images(config, database, clock);
            registerBuiltinImages(config, tokens, images);
            var drivers = Drivers.forConfig(config);
            var network = NetworkWiring.create(database, drivers.network(), NetworkSettings.defaults(), clock,
                    config.bridgeMappings());
            if (config.demoNetworks()) {
                new DemoNetworks(network.services(), DemoNetworks.PublicSubnet.of(config.publicCidr()))
                        .provisionOnce(config.stateDir(), state.current());
            }
            network.reconcileInBackground(config.reconcilePeriod());
            var imageFiles = new LocalImageFiles(new SqlImageStore(database),
                    new FilesystemImageDataStore(config.stateDir().resolve("images")));
            var compute = ComputeWiring.create(database, drivers.virt(), network.services(), images,
                    imageFiles, config.stateDir().resolve("snapshots"), ComputeSettings.defaults(), clock);
            var metadata = MetadataWiring.create(config.stateDir(), network.services(), compute.services());
            // the virt driver reads config drives from the metadata service, which needs the compute services
            drivers.configDrives().bind(metadata.configDrive());
            compute.start(config.resumeGuestsOnStart());
            metadata.start();
            var components = new ArrayList<>(List.of(
                    new StatusRoutes.Component("identity", "service", true, "Keystone v3 at /identity/v3"),
                    new StatusRoutes.Component("image", "service", true, "Glance v2 at /image/v2, data in "
                            + config.stateDir().resolve("images")),
                    new StatusRoutes.Component("database", "store", true, database.dialect() + " " + config.databaseUrl())));
            components.addAll(network.status(drivers.networkName()));
            components.addAll(compute.status(drivers.virtName()));
            components.addAll(metadata.status());
            var status = new StatusRoutes(components, config.emulated() ? "emulated" : "real");
            var api = new ApiServer(new ApiSettings(config.apiHost(), config.apiPort(), config.maxRequestBytes()),
                    List.of(new IdentityApi(services, callers), new ImageApi(images, callers), network.api(callers),
                            compute.api(callers)),
                    status).start();
            LOG.info("kumo {} up: {}", Version.VERSION, config);
            return new CloudServer(database, api, network, compute, metadata);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
        metadata.close();
        network.close();
        compute.close();
        database.close();
    }

    static Database openDatabase(KumoConfig config) {
        if (config.databaseUrl().startsWith("jdbc:sqlite:")) {
            return Database.sqlite(java.nio.file.Path.of(config.databaseUrl().substring("jdbc:sqlite:".length())));
        }
        return Database.postgres(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    }

    private static List<CatalogEntry> catalog(KumoConfig config) {
        return List.of(new CatalogEntry("identity", "keystone", "Identity service (Keystone v3)",
                        config.publicUrl() + IdentityApi.PREFIX + "/v3"),
                new CatalogEntry("image", "glance", "Image service (Glance v2)", config.publicUrl() + ImageApi.PREFIX),
                new CatalogEntry("network", "neutron", "Network service (Neutron v2.0)",
                        config.publicUrl() + NetworkApi.PREFIX),
                new CatalogEntry("compute", "nova", "Compute service (Nova v2.1)",
                        config.publicUrl() + ComputeApi.PREFIX + "/v2.1"));
    }

    /** Image records in the database, bytes under {@code <state-dir>/images}; interrupted uploads repaired first. */
    private static ImageServices images(KumoConfig config, Database database, Clock clock) {
        var store = new SqlImageStore(database);
        var bytes = new FilesystemImageDataStore(config.stateDir().resolve("images"));
        var settings = ImageSettings.withQuota(config.imageQuotaBytes());
        var data = new ImageDataService(store, bytes, new QemuImgInspector(), settings, clock);
        int repaired = data.recover();
        if (repaired > 0) {
            LOG.info("Image recovery: {} interrupted uploads or orphaned image files cleaned up", repaired);
        }
        return new ImageServices(new ImageService(store, settings, clock, bytes::delete), data,
                new MemberService(store, settings, clock));
    }

    /** A missing or broken built-in image must not keep the cloud from starting: say so and go on. */
    private static void registerBuiltinImages(KumoConfig config, TokenService tokens, ImageServices images) {
        try {
            BuiltinImages.register(config.stateDir().resolve("cache").resolve("guest"), tokens, images,
                    config.adminPassword());
        } catch (RuntimeException e) {
            LOG.warn("could not register the built-in guest image: {}", e.getMessage());
        }
    }

    /** The token key lives in the database so that every node of a cloud shares it and it survives restarts. */
    private static byte[] tokenKey(IdentityState state) {
        String fresh = Base64.getEncoder().encodeToString(TokenCodec.newKey());
        String stored = state.store().write(tx -> tx.secrets().putIfAbsent("token.key", fresh));
        return Base64.getDecoder().decode(stored);
    }
}
