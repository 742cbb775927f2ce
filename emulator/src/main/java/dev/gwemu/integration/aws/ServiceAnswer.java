package dev.gwemu.integration.aws;

import java.util.List;
import java.util.Map;

/**
 * What an AWS service answered: its status selects the integration response (as a string, "200"), its body is the
 * response template's {@code $input}, its headers are {@code integration.response.header.*}.
 *
 * @param headers case-insensitive names
 */
public record ServiceAnswer(int status, Map<String, List<String>> headers, byte[] body) {
}
