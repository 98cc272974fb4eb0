/**
 * Credentials ({@code /v3/credentials}) and the EC2 credentials built on them ({@code OS-EC2}): secrets a user
 * keeps in Keystone for other services (S3/EC2 access keys, certificates, TOTP seeds). Their blobs are sealed
 * with AES-GCM before they reach the store and are never logged.
 */
package dev.kumo.core.identity.credential;
