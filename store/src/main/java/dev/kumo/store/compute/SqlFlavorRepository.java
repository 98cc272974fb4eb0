package dev.kumo.store.compute;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.store.FlavorRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class SqlFlavorRepository implements FlavorRepository {
    private static final TypeReference<Map<String, String>> SPECS = new TypeReference<>() {};
    private final Handle handle;

    SqlFlavorRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Flavor> find(String id) {
        return handle.createQuery("SELECT * FROM compute_flavor WHERE id = :id").bind("id", id)
                .map(SqlFlavorRepository::row).findOne();
    }

    @Override
    public Optional<Flavor> findByName(String name) {
        return handle.createQuery("SELECT * FROM compute_flavor WHERE name = :name").bind("name", name)
                .map(SqlFlavorRepository::row).findOne();
    }

    @Override
    public List<Flavor> list(String projectId, boolean all, Boolean isPublic) {
        String where = all ? "1 = 1"
                : isPublic == null ? "(is_public OR id IN (SELECT flavor_id FROM compute_flavor_access WHERE project_id = :project))"
                : isPublic ? "is_public"
                : "(NOT is_public AND (:admin OR id IN (SELECT flavor_id FROM compute_flavor_access WHERE project_id = :project)))";
        // Nova orders by flavorid as a string, which puts "1".."5" first on a fresh cloud
        var query = handle.createQuery("SELECT * FROM compute_flavor WHERE " + where + " ORDER BY id");
        if (where.contains(":project")) {
            query.bind("project", projectId);
        }
        if (where.contains(":admin")) {
            query.bind("admin", projectId == null);
        }
        return query.map(SqlFlavorRepository::row).list();
    }

    @Override
    public void insert(Flavor f) {
        handle.createUpdate("""
                        INSERT INTO compute_flavor (id, name, vcpus, ram_mb, disk_gb, ephemeral_gb, swap_mb, rxtx_factor,
                            is_public, disabled, description, extra_specs)
                        VALUES (:id, :name, :vcpus, :ram, :disk, :eph, :swap, :rxtx, :pub, :disabled, :description, :specs)""")
                .bind("id", f.id()).bind("name", f.name()).bind("vcpus", f.vcpus()).bind("ram", f.ramMb())
                .bind("disk", f.diskGb()).bind("eph", f.ephemeralGb()).bind("swap", f.swapMb())
                .bind("rxtx", f.rxtxFactor()).bind("pub", f.isPublic()).bind("disabled", f.disabled())
                .bind("description", f.description()).bind("specs", ComputeJson.write(f.extraSpecs())).execute();
    }

    @Override
    public void update(Flavor f) {
        handle.createUpdate("UPDATE compute_flavor SET description = :description, extra_specs = :specs WHERE id = :id")
                .bind("id", f.id()).bind("description", f.description())
                .bind("specs", ComputeJson.write(f.extraSpecs())).execute();
    }

    @Override
    public boolean delete(String id) {
        handle.createUpdate("DELETE FROM compute_flavor_access WHERE flavor_id = :id").bind("id", id).execute();
        return handle.createUpdate("DELETE FROM compute_flavor WHERE id = :id").bind("id", id).execute() > 0;
    }

    @Override
    public boolean hasAccess(String flavorId, String projectId) {
        return projectId != null && handle.createQuery(
                        "SELECT COUNT(*) FROM compute_flavor_access WHERE flavor_id = :f AND project_id = :p")
                .bind("f", flavorId).bind("p", projectId).mapTo(Integer.class).one() > 0;
    }

    @Override
    public List<String> accessList(String flavorId) {
        return handle.createQuery("SELECT project_id FROM compute_flavor_access WHERE flavor_id = :f ORDER BY project_id")
                .bind("f", flavorId).mapTo(String.class).list();
    }

    @Override
    public void setAccess(String flavorId, String projectId, boolean granted) {
        String sql = granted ? "INSERT INTO compute_flavor_access (flavor_id, project_id) VALUES (:f, :p)"
                : "DELETE FROM compute_flavor_access WHERE flavor_id = :f AND project_id = :p";
        handle.createUpdate(sql).bind("f", flavorId).bind("p", projectId).execute();
    }

    private static Flavor row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Flavor(rs.getString("id"), rs.getString("name"), rs.getInt("vcpus"), rs.getInt("ram_mb"),
                rs.getInt("disk_gb"), rs.getInt("ephemeral_gb"), rs.getInt("swap_mb"), rs.getDouble("rxtx_factor"),
                rs.getBoolean("is_public"), rs.getBoolean("disabled"), rs.getString("description"),
                ComputeJson.read(rs.getString("extra_specs"), SPECS));
    }
}
