package dev.gwemu.model;

/** A method's {@code authorizationType}. */
public enum AuthorizationType {
    NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS
}
