package dev.kumo.server.config;

import java.util.List;
import java.util.Optional;

/** Every key the answer file understands, in the order the file lists them. */
public final class Settings {
    public static final List<Setting> ALL = List.of(
            new Setting("api.host", "127.0.0.1",
                    "Address the API server listens on (0.0.0.0 for every interface).", false),
            new Setting("api.port", "5000", "TCP port of every API, the dashboard and the metadata service.", false),
            new Setting("api.public_url", "",
                    "Base URL clients use to reach the APIs, published in the catalog; empty means http://<api.host>:<api.port> (127.0.0.1 when listening on 0.0.0.0).", false),
            new Setting("api.max_request_bytes", "1048576",
                    "Largest request body accepted (image uploads stream and are not limited by this).", false),
            new Setting("database.url", "",
                    "JDBC URL of the database; empty means SQLite at <state-dir>/kumo.db. PostgreSQL: jdbc:postgresql://host/db.", false),
            new Setting("database.user", "", "Database user (PostgreSQL only).", false),
            new Setting("database.password", "", "Database password (PostgreSQL only).", false),
            new Setting("identity.region", "RegionOne", "Region the catalog endpoints belong to.", false),
            new Setting("identity.token_lifetime_seconds", "3600", "How long a token is valid (Keystone's [token] expiration).", false),
            new Setting("identity.bcrypt_cost", "10",
                    "bcrypt work factor for passwords and application credential secrets (each +1 doubles the cost).", false),
            new Setting("identity.admin_password", "", "Password of user 'admin' at first start; generated when empty.", true),
            new Setting("identity.demo_password", "", "Password of user 'demo' at first start; generated when empty.", true),
            new Setting("image.storage_quota_bytes", "0",
                    "Most bytes of image data one project may store (Glance's user_storage_quota); 0 means no limit.", false),
            new Setting("drivers.emulated", "false",
                    "true: fake drivers (no root, no QEMU, no kernel networking): an emulated cloud for trying the APIs.", false),
            new Setting("network.bridge_mappings", "physnet1:br-ex",
                    "Physical networks and the host bridges that carry them (physnet:bridge, comma separated). kumo creates a missing bridge; it never enslaves a NIC to it.", false),
            new Setting("network.demo_networks", "true",
                    "true: at the first start create 'public' (external, flat on physnet1) with 'public_subnet', and for project demo 'private' with 'private_subnet' and 'router1', as Packstack does.", false),
            new Setting("network.reconcile_seconds", "60",
                    "How often the host's bridges, namespaces, rules and DHCP/metadata services are checked against the database and repaired.", false),
            new Setting("network.public_cidr", "172.24.4.0/24",
                    "Range of 'public_subnet' made at the first start (DevStack's); its .1 is the host's address on the external bridge.", false),
            new Setting("compute.resume_guests_on_start", "true",
                    "true: at start, ACTIVE servers whose guest is not running (a host reboot) are started again; false: they are marked SHUTOFF (Nova's resume_guests_state_on_host_boot).", false));

    private Settings() {}

    public static Optional<Setting> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
