package dev.gwemu.model;

import java.nio.file.Path;

/**
 * A stage's {@code accessLogSettings}: one line per request in AWS's format, appended to a local file in place of
 * the CloudWatch log group (or Firehose stream) AWS writes to.
 *
 * @param format      AWS's format: text with {@code $context.*} variables, one line (checked at load)
 * @param destination the file lines are appended to (from {@code destination}, or the log group of {@code destinationArn})
 */
public record AccessLogSettings(String format, Path destination) {
}
