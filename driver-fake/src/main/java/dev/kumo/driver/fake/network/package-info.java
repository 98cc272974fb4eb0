/**
 * The fake network driver: keeps in memory what the Linux driver would have plumbed, journals every change
 * it would have made, and lets tests inject latency, failures and a non-operational host.
 */
package dev.kumo.driver.fake.network;
