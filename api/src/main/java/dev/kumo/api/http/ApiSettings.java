package dev.kumo.api.http;

/**
 * @param host            address to listen on
 * @param port            TCP port (0 picks a free one)
 * @param maxRequestBytes bodies larger than this are refused with 413
 */
public record ApiSettings(String host, int port, long maxRequestBytes) {}
