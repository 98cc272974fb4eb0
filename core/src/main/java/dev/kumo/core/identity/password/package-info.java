/** Slow, salted password hashing (bcrypt) for user passwords and application credential secrets. */
package dev.kumo.core.identity.password;
