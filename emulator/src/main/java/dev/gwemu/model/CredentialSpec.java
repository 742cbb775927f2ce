package dev.gwemu.model;

import java.time.Instant;

/**
 * An AWS access key that may sign requests to AWS_IAM methods (api.yaml {@code credentials}).
 *
 * @param accessKeyId     e.g. AKIDEXAMPLE
 * @param secretAccessKey the secret the signature is computed with
 * @param sessionToken    required in {@code X-Amz-Security-Token} when set (temporary credentials), else null
 * @param arn             the caller's IAM ARN ({@code arn:aws:iam::111122223333:user/alice}); its account is the caller's
 * @param expires         when temporary credentials stop working, or null for never
 */
public record CredentialSpec(String accessKeyId, String secretAccessKey, String sessionToken, String arn, Instant expires) {
}
