package dev.gwemu.model;

/** The integration types of a REST API method. */
public enum IntegrationType { AWS_PROXY, AWS, HTTP, HTTP_PROXY, MOCK }
