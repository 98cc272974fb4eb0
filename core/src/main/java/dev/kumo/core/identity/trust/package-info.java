/** OS-TRUST: a user (the trustor) delegates some of its roles on a project to another user (the trustee). */
package dev.kumo.core.identity.trust;
