package dev.kumo.spi.compute;

import java.util.Map;

/**
 * The content of an instance's config drive, built by the metadata service from the same data it serves over
 * HTTP: relative paths ({@code openstack/latest/meta_data.json}, {@code ec2/latest/meta-data.json}, ...) to
 * bytes. A virt driver that supports config drives writes them into an ISO 9660 volume labelled
 * {@code config-2} and attaches it to the guest.
 */
@FunctionalInterface
public interface ConfigDriveSource {
    /** The files for {@code instanceId}; empty when the instance is unknown. */
    Map<String, byte[]> files(String instanceId);
}
