package dev.kumo.model.identity;

public enum TargetType {
    PROJECT, DOMAIN, SYSTEM;

    /** The only target id of a system assignment (Keystone's "all" system). */
    public static final String SYSTEM_ALL = "all";
}
