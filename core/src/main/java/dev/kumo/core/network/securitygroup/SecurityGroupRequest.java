package dev.kumo.core.network.securitygroup;

import java.util.List;

/** A security group create or update as the API received it; null means "not given". */
public record SecurityGroupRequest(String name, String description, String projectId, Boolean stateful,
                                   List<String> tags) {
}
