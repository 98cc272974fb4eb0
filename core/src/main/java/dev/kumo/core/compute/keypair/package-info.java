/** SSH keypairs: per user, generated (private key returned once) or imported, with Nova's MD5 fingerprint. */
package dev.kumo.core.compute.keypair;
