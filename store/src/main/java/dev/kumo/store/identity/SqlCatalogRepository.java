package dev.kumo.store.identity;

import dev.kumo.core.identity.store.CatalogRepository;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Service;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The service catalog: {@code region}, {@code service} and {@code endpoint}. */
final class SqlCatalogRepository implements CatalogRepository {
    private final Handle handle;

    SqlCatalogRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Region> regions() {
        return handle.createQuery("SELECT id, description, parent_region_id, extra FROM region ORDER BY id")
                .map((rs, ctx) -> new Region(rs.getString("id"), rs.getString("description"),
                        rs.getString("parent_region_id"), ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insertRegion(Region region) {
        handle.createUpdate("""
                        INSERT INTO region (id, description, parent_region_id, extra)
                        VALUES (:id, :description, :parentRegionId, :extra)""")
                .bind("id", region.id())
                .bind("description", region.description())
                .bind("parentRegionId", region.parentRegionId())
                .bind("extra", ExtraJson.write(region.extra()))
                .execute();
    }

    @Override
    public void updateRegion(Region region) {
        int rows = handle.createUpdate("""
                        UPDATE region SET description = :description, parent_region_id = :parentRegionId, extra = :extra
                        WHERE id = :id""")
                .bind("id", region.id())
                .bind("description", region.description())
                .bind("parentRegionId", region.parentRegionId())
                .bind("extra", ExtraJson.write(region.extra()))
                .execute();
        Columns.requireUpdated(rows, "region", region.id());
    }

    @Override
    public void deleteRegion(String id) {
        handle.createUpdate("DELETE FROM region WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public List<Service> services() {
        return handle.createQuery("SELECT id, type, name, description, enabled, extra FROM service ORDER BY id")
                .map((rs, ctx) -> new Service(rs.getString("id"), rs.getString("type"), rs.getString("name"),
                        rs.getString("description"), rs.getBoolean("enabled"), ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insertService(Service service) {
        handle.createUpdate("""
                        INSERT INTO service (id, type, name, description, enabled, extra)
                        VALUES (:id, :type, :name, :description, :enabled, :extra)""")
                .bind("id", service.id())
                .bind("type", service.type())
                .bind("name", service.name())
                .bind("description", service.description())
                .bind("enabled", service.enabled())
                .bind("extra", ExtraJson.write(service.extra()))
                .execute();
    }

    @Override
    public void updateService(Service service) {
        int rows = handle.createUpdate("""
                        UPDATE service SET type = :type, name = :name, description = :description, enabled = :enabled,
                            extra = :extra
                        WHERE id = :id""")
                .bind("id", service.id())
                .bind("type", service.type())
                .bind("name", service.name())
                .bind("description", service.description())
                .bind("enabled", service.enabled())
                .bind("extra", ExtraJson.write(service.extra()))
                .execute();
        Columns.requireUpdated(rows, "service", service.id());
    }

    /** Its endpoints go with it (foreign key cascade). */
    @Override
    public void deleteService(String id) {
        handle.createUpdate("DELETE FROM service WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public List<Endpoint> endpoints() {
        return handle.createQuery("SELECT id, service_id, iface, url, region_id, enabled, extra FROM endpoint ORDER BY id")
                .map((rs, ctx) -> new Endpoint(rs.getString("id"), rs.getString("service_id"), rs.getString("iface"),
                        rs.getString("url"), rs.getString("region_id"), rs.getBoolean("enabled"),
                        ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insertEndpoint(Endpoint endpoint) {
        handle.createUpdate("""
                        INSERT INTO endpoint (id, service_id, iface, url, region_id, enabled, extra)
                        VALUES (:id, :serviceId, :iface, :url, :regionId, :enabled, :extra)""")
                .bind("id", endpoint.id())
                .bind("serviceId", endpoint.serviceId())
                .bind("iface", endpoint.iface())
                .bind("url", endpoint.url())
                .bind("regionId", endpoint.regionId())
                .bind("enabled", endpoint.enabled())
                .bind("extra", ExtraJson.write(endpoint.extra()))
                .execute();
    }

    @Override
    public void updateEndpoint(Endpoint endpoint) {
        int rows = handle.createUpdate("""
                        UPDATE endpoint SET service_id = :serviceId, iface = :iface, url = :url, region_id = :regionId,
                            enabled = :enabled, extra = :extra
                        WHERE id = :id""")
                .bind("id", endpoint.id())
                .bind("serviceId", endpoint.serviceId())
                .bind("iface", endpoint.iface())
                .bind("url", endpoint.url())
                .bind("regionId", endpoint.regionId())
                .bind("enabled", endpoint.enabled())
                .bind("extra", ExtraJson.write(endpoint.extra()))
                .execute();
        Columns.requireUpdated(rows, "endpoint", endpoint.id());
    }

    @Override
    public void deleteEndpoint(String id) {
        handle.createUpdate("DELETE FROM endpoint WHERE id = :id").bind("id", id).execute();
    }
}
