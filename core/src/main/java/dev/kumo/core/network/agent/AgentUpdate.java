package dev.kumo.core.network.agent;

/**
 * What an admin may change on an agent (Neutron's only writable attributes); null leaves a value as it is.
 *
 * @param descriptionGiven the body named a description, possibly null (which clears it)
 */
public record AgentUpdate(Boolean adminStateUp, boolean descriptionGiven, String description) {}
