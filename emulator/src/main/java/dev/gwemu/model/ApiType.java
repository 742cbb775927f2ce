package dev.gwemu.model;

/** API Gateway's API kinds: REST (v1), HTTP and WebSocket (v2). */
public enum ApiType { REST, HTTP, WEBSOCKET }
