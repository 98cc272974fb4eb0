/**
 * Nova's instance actions: what was asked of each server (by request id, who, when) and the events its
 * steps produced, kept after the server is deleted so that its history stays readable.
 */
package dev.kumo.core.compute.action.history;
