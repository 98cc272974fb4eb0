package dev.kumo.core.network;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The errors of the network service, with Neutron's types and wording: clients and tempest match some of
 * these messages ("overlaps with another subnet", "Quota exceeded for resources"), so keep them as they are.
 */
public final class NeutronErrors {
    private NeutronErrors() {}

    /** Neutron's InvalidInput: "Invalid input for operation: ...". */
    public static CloudException invalidInput(String format, Object... args) {
        return new CloudError.BadRequest("InvalidInput", "Invalid input for operation: " + sentence(format, args)).exception();
    }

    /** An attribute that failed validation: "Invalid input for cidr. Reason: ...". */
    public static CloudException invalidAttribute(String attribute, String reason) {
        return new CloudError.BadRequest("HTTPBadRequest",
                "Invalid input for " + attribute + ". Reason: " + sentence(reason)).exception();
    }

    /** A malformed request that is not about one attribute's value. */
    public static CloudException badRequest(String format, Object... args) {
        return new CloudError.BadRequest("HTTPBadRequest", String.format(format, args)).exception();
    }

    /** Neutron's generic BadRequest: "Bad subnets request: ...". */
    public static CloudException badResourceRequest(String resource, String format, Object... args) {
        return new CloudError.BadRequest("BadRequest", "Bad " + resource + " request: " + sentence(format, args)).exception();
    }

    public static CloudException typed(int status, String type, String format, Object... args) {
        String message = String.format(format, args);
        CloudError error = switch (status) {
            case 400 -> new CloudError.BadRequest(type, message);
            case 403 -> new CloudError.Forbidden(type, message);
            case 404 -> new CloudError.NotFound(type, message);
            case 409 -> new CloudError.Conflict(type, message);
            case 503 -> new CloudError.Unavailable(type, message);
            default -> throw new IllegalArgumentException("no Neutron error with status " + status);
        };
        return error.exception();
    }

    public static CloudException notFound(String type, String format, Object... args) {
        return typed(404, type, format, args);
    }

    public static CloudException conflict(String type, String format, Object... args) {
        return typed(409, type, format, args);
    }

    /** oslo.policy's denial as Neutron renders it. */
    public static CloudException policy(String rule) {
        return new CloudError.Forbidden("PolicyNotAuthorized", "(rule:" + rule + ") is disallowed by policy.").exception();
    }

    /** Neutron's OverQuota (409): "Quota exceeded for resources: ['network']." */
    public static CloudException overQuota(List<String> resources) {
        String names = resources.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", ", "[", "]"));
        return new CloudError.OverLimit("OverQuota", "Quota exceeded for resources: " + names + ".", 409).exception();
    }

    public static CloudException networkNotFound(String id) {
        return notFound("NetworkNotFound", "Network %s could not be found.", id);
    }

    public static CloudException subnetNotFound(String id) {
        return notFound("SubnetNotFound", "Subnet %s could not be found.", id);
    }

    public static CloudException subnetPoolNotFound(String id) {
        return notFound("SubnetPoolNotFound", "Subnet pool %s could not be found.", id);
    }

    public static CloudException portNotFound(String id) {
        return notFound("PortNotFound", "Port %s could not be found.", id);
    }

    public static CloudException routerNotFound(String id) {
        return notFound("RouterNotFound", "Router %s could not be found.", id);
    }

    public static CloudException floatingIpNotFound(String id) {
        return notFound("FloatingIPNotFound", "Floating IP %s could not be found", id);
    }

    public static CloudException securityGroupNotFound(String id) {
        return notFound("SecurityGroupNotFound", "Security group %s does not exist", id);
    }

    public static CloudException securityGroupRuleNotFound(String id) {
        return notFound("SecurityGroupRuleNotFound", "Security group rule %s does not exist", id);
    }

    /** Ends the message with exactly one period. */
    private static String sentence(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        return text.endsWith(".") ? text : text + ".";
    }
}
