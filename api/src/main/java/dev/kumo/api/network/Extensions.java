package dev.kumo.api.network;

import java.util.List;

/**
 * Exactly the Neutron extensions implemented here. Clients and tempest probe this list to decide what to
 * send and test, so an alias is added only together with its implementation.
 */
final class Extensions {
    static final List<Extension> ALL = List.of(
            new Extension("external-net", "Neutron external network",
                    "Adds external network attribute to network resource.", "2013-01-14T10:00:00-00:00"),
            new Extension("provider", "Provider Network", "Expose mapping of virtual networks to physical networks",
                    "2012-09-07T10:00:00-00:00"),
            new Extension("net-mtu", "Network MTU", "Provides MTU attribute for a network resource.",
                    "2015-03-25T10:00:00-00:00"),
            new Extension("net-mtu-writable", "Network MTU (writable)",
                    "Provides a writable MTU attribute for a network resource.", "2017-07-12T00:00:00-00:00"),
            new Extension("port-security", "Port Security", "Provides port security", "2012-07-23T10:00:00-00:00"),
            new Extension("allowed-address-pairs", "Allowed Address Pairs",
                    "Provides allowed address pairs", "2013-07-23T10:00:00-00:00"),
            new Extension("binding", "Port Binding", "Expose port bindings of a virtual port to external application",
                    "2014-02-03T10:00:00-00:00"),
            new Extension("dns-integration", "DNS Integration",
                    "Provides integration with DNS.", "2015-08-15T18:00:00-00:00"),
            new Extension("quotas", "Quota management support", "Expose functions for quotas management per tenant",
                    "2012-07-29T10:00:00-00:00"),
            new Extension("quota_details", "Quota details management support",
                    "Expose functions for quotas usage statistics per project", "2017-02-10T10:00:00-00:00"),
            new Extension("availability_zone", "Availability Zone",
                    "The availability zone extension.", "2015-01-01T10:00:00-00:00"),
            new Extension("network_availability_zone", "Network Availability Zone",
                    "Availability zone support for network.", "2015-01-01T10:00:00-00:00"),
            new Extension("project-id", "project_id field enabled",
                    "Extension that indicates that project_id field is enabled.", "2016-09-09T09:09:09-09:09"),
            new Extension("standard-attr-description", "standard-attr-description",
                    "Extension to add descriptions to standard attributes", "2016-02-10T10:00:00-00:00"),
            new Extension("standard-attr-timestamp", "Resource timestamps",
                    "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard "
                            + "attributes.", "2016-09-12T10:00:00-00:00"),
            new Extension("standard-attr-revisions", "Resource revision numbers",
                    "This extension will display the revision number of neutron resources.", "2016-04-11T10:00:00-00:00"),
            new Extension("standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, "
                    + "network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip",
                    "Enables to set tag on resources with standard attribute.", "2017-01-01T00:00:00-00:00"),
            new Extension("tag", "Tag support", "Enables to set tag on resources.", "2016-01-01T00:00:00-00:00"),
            new Extension("tag-ports-during-bulk-creation", "Tag Ports During Bulk Creation",
                    "Allow to tag ports during bulk creation", "2019-12-29T19:00:00-00:00"),
            new Extension("ip-substring-filtering", "IP address substring filtering",
                    "Provides IP address substring filtering when listing ports", "2017-11-28T09:00:00-00:00"),
            new Extension("pagination", "Pagination support", "Extension that indicates that pagination is enabled.",
                    "2016-06-12T00:00:00-00:00"),
            new Extension("sorting", "Sorting support", "Extension that indicates that sorting is enabled.",
                    "2016-06-12T00:00:00-00:00"),
            new Extension("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 "
                    + "Neutron networks and access to external networks via a NAT gateway.", "2012-07-20T10:00:00-00:00"),
            new Extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode",
                    "Extension of the router abstraction for specifying whether SNAT should occur on the external "
                            + "gateway", "2013-03-28T10:00:00-00:00"),
            new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router",
                    "2013-02-01T10:00:00-00:00"),
            new Extension("floating-ip-port-forwarding", "Floating IP Port Forwarding",
                    "Provide port forwarding to floating IP", "2018-05-01T10:00:00-00:00"),
            new Extension("security-group", "security-group", "The security groups extension.",
                    "2012-10-05T10:00:00-00:00"),
            new Extension("stateful-security-group", "Stateful security group",
                    "Indicates if the security group is stateful or not", "2019-11-26T09:00:00-00:00"),
            new Extension("agent", "agent", "The agent management extension.", "2013-02-03T10:00:00-00:00"),
            new Extension("agent-resources-synced", "Agent's Resource View Synced to Placement",
                    "Stores success/failure of last sync to Placement", "2018-10-24T10:00:00-00:00"),
            new Extension("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet pool",
                    "2015-03-30T10:00:00-00:00"),
            new Extension("default-subnetpools", "Default Subnetpools",
                    "Provides ability to mark and use a subnetpool as the default.", "2016-02-18T18:00:00-00:00"),
            new Extension("network-ip-availability", "Network IP Availability",
                    "Provides IP availability data for each network and subnet.", "2015-09-24T00:00:00-00:00"));

    private Extensions() {}
}
