package dev.gwemu.maven;

import dev.gwemu.Gwemu;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties that tell integration tests where a running gwemu serves: {@code gwemu.port}, {@code gwemu.baseUrl}
 * (the first API's first stage), <code>gwemu.url.{api}.{stage}</code> for every stage and <code>gwemu.hostHeader.{api}</code>
 * for every API (the Host header that addresses an API other than the first).
 */
final class GatewayProperties {
    static final String PORT = "gwemu.port";
    static final String BASE_URL = "gwemu.baseUrl";
    static final String URL_PREFIX = "gwemu.url.";
    static final String HOST_HEADER_PREFIX = "gwemu.hostHeader.";

    private GatewayProperties() {
    }

    /** In the project's order: port, base URL, then each API's stages and Host header. */
    static Map<String, String> of(Gwemu gwemu) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PORT, Integer.toString(gwemu.port()));
        for (Api api : gwemu.project().apis()) {
            for (String stage : api.stages().keySet()) {
                String url = url(gwemu, api, stage);
                properties.putIfAbsent(BASE_URL, url);
                properties.put(URL_PREFIX + api.name() + "." + stage, url);
            }
            properties.put(HOST_HEADER_PREFIX + api.name(), gwemu.host(api.name()));
        }
        return properties;
    }

    /** A REST or HTTP API's stage base with its trailing slash; a WebSocket API's ws:// connect URL, as the CLI prints it. */
    private static String url(Gwemu gwemu, Api api, String stage) {
        String url = gwemu.baseUrl(api.name(), stage).toString();
        if (api.type() == ApiType.WEBSOCKET) {
            return url.replaceFirst("^http", "ws").replaceFirst("/$", "");
        }
        return url;
    }
}
