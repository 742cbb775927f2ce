package dev.gwemu.server.endpoint;

import java.util.Locale;

/**
 * The kind of device CloudFront reports in its {@code CloudFront-Is-*-Viewer} headers, one of which is
 * {@code true} (security-and-operations.md §5.1). CloudFront's device database is not public, so this
 * reads a few well-known User-Agent words; no User-Agent, or none of them, is a desktop [unc].
 */
enum ViewerDevice {
    DESKTOP, MOBILE, SMART_TV, TABLET;

    private static final String[] SMART_TV_WORDS = {"smart-tv", "smarttv", "smart tv", "googletv", "appletv", "hbbtv",
            "netcast", "web0s", "crkey", "roku"};
    private static final String[] TABLET_WORDS = {"ipad", "tablet", "kindle", "silk/"};
    private static final String[] MOBILE_WORDS = {"mobi", "iphone", "ipod", "android", "windows phone"};

    static ViewerDevice of(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return DESKTOP;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (containsAny(agent, SMART_TV_WORDS)) {
            return SMART_TV;
        }
        // Android tablets are Android without "Mobile" in the agent, by Google's own convention.
        if (containsAny(agent, TABLET_WORDS) || (agent.contains("android") && !agent.contains("mobile"))) {
            return TABLET;
        }
        return containsAny(agent, MOBILE_WORDS) ? MOBILE : DESKTOP;
    }

    private static boolean containsAny(String agent, String[] words) {
        for (String word : words) {
            if (agent.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
