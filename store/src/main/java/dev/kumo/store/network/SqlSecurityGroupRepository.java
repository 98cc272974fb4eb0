package dev.kumo.store.network;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleAttribute;
import dev.kumo.core.network.store.SecurityGroupRepository;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Security groups in {@code security_group}, their rules in {@code security_group_rule}. */
final class SqlSecurityGroupRepository implements SecurityGroupRepository {
    private static final String COLUMNS = "g.id, g.project_id, g.name, g.description, g.stateful, g.is_default, "
            + "g.revision_number, g.created_at, g.updated_at";
    private static final String RULE_COLUMNS = "sr.id, sr.project_id, sr.security_group_id, sr.direction, sr.ethertype, "
            + "sr.protocol, sr.port_range_min, sr.port_range_max, sr.remote_ip_prefix, sr.remote_group_id, "
            + "sr.description, sr.revision_number, sr.created_at, sr.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlSecurityGroupRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<SecurityGroup> find(String id, Viewer viewer) {
        return load(ListSql.byId(SecurityGroupTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<SecurityGroup> list(ListQuery<SecurityGroupAttribute> query, Viewer viewer) {
        return load(ListSql.list(SecurityGroupTable.INSTANCE, dialect, handle, query, viewer));
    }

    @Override
    public Optional<SecurityGroup> defaultOf(String projectId) {
        return handle.createQuery("SELECT id FROM security_group WHERE project_id = :p AND is_default = TRUE")
                .bind("p", projectId).mapTo(String.class).findFirst().flatMap(id -> find(id, Viewer.ALL));
    }

    private List<SecurityGroup> load(SqlSelect page) {
        List<SecurityGroup> rows = page.rows(handle, COLUMNS, (rs, ctx) -> map(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = Children.tags(handle, page, "security_group_tag");
        Map<String, List<SecurityGroupRule>> rules = Children.of(handle, page, "SELECT sr.security_group_id, "
                + RULE_COLUMNS + " FROM security_group_rule sr WHERE sr.security_group_id IN (:ids) "
                + "ORDER BY sr.created_at, sr.id", (rs, ctx) -> mapRule(rs));
        return rows.stream().map(g -> g.withRules(rules.getOrDefault(g.id(), List.of()))
                .withStandard(g.standard().withTags(tags.getOrDefault(g.id(), List.of())))).toList();
    }

    private static SecurityGroup map(ResultSet rs) throws SQLException {
        return new SecurityGroup(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                rs.getBoolean("stateful"), rs.getBoolean("is_default"), List.of(), standard(rs));
    }

    private static SecurityGroupRule mapRule(ResultSet rs) throws SQLException {
        return new SecurityGroupRule(rs.getString("id"), rs.getString("project_id"), rs.getString("security_group_id"),
                rs.getString("direction"), rs.getString("ethertype"), rs.getString("protocol"),
                rs.getObject("port_range_min") == null ? null : rs.getInt("port_range_min"),
                rs.getObject("port_range_max") == null ? null : rs.getInt("port_range_max"),
                rs.getString("remote_ip_prefix"), rs.getString("remote_group_id"), standard(rs));
    }

    private static StandardAttributes standard(ResultSet rs) throws SQLException {
        return new StandardAttributes(rs.getString("description"), List.of(), rs.getLong("revision_number"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    @Override
    public void insert(SecurityGroup g) {
        handle.createUpdate("""
                INSERT INTO security_group (id, project_id, name, description, stateful, is_default, revision_number,
                    created_at, updated_at)
                VALUES (:id, :projectId, :name, :description, :stateful, :isDefault, :revision, :createdAt, :updatedAt)""")
                .bind("id", g.id()).bind("projectId", g.projectId()).bind("name", g.name())
                .bind("description", g.standard().description()).bind("stateful", g.stateful())
                .bind("isDefault", g.isDefault()).bind("revision", g.standard().revisionNumber())
                .bind("createdAt", g.standard().createdAt().toEpochMilli())
                .bind("updatedAt", g.standard().updatedAt().toEpochMilli()).execute();
        Children.replaceTags(handle, "security_group_tag", g.id(), g.standard().tags());
        g.rules().forEach(this::insertRule);
    }

    @Override
    public void update(SecurityGroup g) {
        int rows = handle.createUpdate("""
                UPDATE security_group SET name = :name, description = :description, stateful = :stateful,
                    revision_number = :revision, updated_at = :updatedAt
                WHERE id = :id""")
                .bind("id", g.id()).bind("name", g.name()).bind("description", g.standard().description())
                .bind("stateful", g.stateful()).bind("revision", g.standard().revisionNumber())
                .bind("updatedAt", g.standard().updatedAt().toEpochMilli()).execute();
        Rows.requireUpdated(rows, "security_group", g.id());
        Children.replaceTags(handle, "security_group_tag", g.id(), g.standard().tags());
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM security_group_rule WHERE security_group_id = :id").bind("id", id).execute();
        handle.createUpdate("DELETE FROM security_group WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM security_group WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }

    @Override
    public boolean hasPorts(String id) {
        return handle.createQuery("SELECT COUNT(*) FROM port_security_group WHERE security_group_id = :id")
                .bind("id", id).mapTo(Long.class).one() > 0;
    }

    @Override
    public Optional<SecurityGroupRule> findRule(String id, Viewer viewer) {
        return ListSql.byId(SecurityGroupRuleTable.INSTANCE, dialect, id, viewer)
                .rows(handle, RULE_COLUMNS, (rs, ctx) -> mapRule(rs)).stream().findFirst();
    }

    @Override
    public List<SecurityGroupRule> listRules(ListQuery<SecurityGroupRuleAttribute> query, Viewer viewer) {
        return ListSql.list(SecurityGroupRuleTable.INSTANCE, dialect, handle, query, viewer)
                .rows(handle, RULE_COLUMNS, (rs, ctx) -> mapRule(rs));
    }

    @Override
    public void insertRule(SecurityGroupRule r) {
        handle.createUpdate("""
                INSERT INTO security_group_rule (id, project_id, security_group_id, direction, ethertype, protocol,
                    port_range_min, port_range_max, remote_ip_prefix, remote_group_id, description, revision_number,
                    created_at, updated_at)
                VALUES (:id, :projectId, :groupId, :direction, :ethertype, :protocol, :min, :max, :prefix, :remoteGroup,
                    :description, :revision, :createdAt, :updatedAt)""")
                .bind("id", r.id()).bind("projectId", r.projectId()).bind("groupId", r.securityGroupId())
                .bind("direction", r.direction()).bind("ethertype", r.ethertype()).bind("protocol", r.protocol())
                .bind("min", r.portRangeMin()).bind("max", r.portRangeMax()).bind("prefix", r.remoteIpPrefix())
                .bind("remoteGroup", r.remoteGroupId()).bind("description", r.standard().description())
                .bind("revision", r.standard().revisionNumber()).bind("createdAt", r.standard().createdAt().toEpochMilli())
                .bind("updatedAt", r.standard().updatedAt().toEpochMilli()).execute();
    }

    @Override
    public void deleteRule(String id) {
        handle.createUpdate("DELETE FROM security_group_rule WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countRulesOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM security_group_rule WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }
}
