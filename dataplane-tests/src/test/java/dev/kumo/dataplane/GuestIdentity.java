package dev.kumo.dataplane;

import java.util.Objects;

/** What the metadata service or config drive tells one guest: who it is, its key, its user-data. */
record GuestIdentity(String uuid, String ec2InstanceId, String name, String hostname, String keyName, String publicKey, String userData) {
    GuestIdentity {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(ec2InstanceId, "ec2InstanceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(userData, "userData");
    }
}
