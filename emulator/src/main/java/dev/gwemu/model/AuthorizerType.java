package dev.gwemu.model;

/** A REST authorizer's {@code type} (security-and-operations.md §3). */
public enum AuthorizerType {
    TOKEN, REQUEST, COGNITO_USER_POOLS
}
