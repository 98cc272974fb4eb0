package dev.kumo.store.identity;

import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Group;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.Service;
import dev.kumo.model.identity.User;
import java.util.List;
import java.util.Map;

/** Minimal valid records, so each test spells out only what it checks. */
final class Fixtures {
    private Fixtures() {}

    static Domain domain(String id, String name) {
        return new Domain(id, name, null, true, List.of(), Map.of());
    }

    static Project project(String id, String name, String domainId) {
        return new Project(id, name, domainId, null, null, true, List.of(), Map.of());
    }

    static User user(String id, String name, String domainId) {
        return new User(id, name, domainId, true, null, null, null, null, null, Map.of());
    }

    static Group group(String id, String name, String domainId) {
        return new Group(id, name, domainId, null, Map.of());
    }

    static Role role(String id, String name, String domainId) {
        return new Role(id, name, domainId, null, Map.of());
    }

    static Region region(String id) {
        return new Region(id, null, null, Map.of());
    }

    static Service service(String id, String type) {
        return new Service(id, type, null, null, true, Map.of());
    }

    static Endpoint endpoint(String id, String serviceId) {
        return new Endpoint(id, serviceId, "public", "http://localhost:5000/v3", null, true, Map.of());
    }

    static ApplicationCredential credential(String id, String name, String userId, List<String> roleIds) {
        return new ApplicationCredential(id, name, userId, "p1", null, null, false, roleIds);
    }
}
