package dev.gwemu.server.tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

/** The server side {@link SSLContext}: certificates chosen by SNI, TLS 1.2 and 1.3 only. */
public final class ServerSslContext {
    /**
     * The protocols a TLS listener enables, newest first. TLS 1.0 and 1.1 are deprecated (RFC 8996) and
     * refused even where a JVM's security policy still allows them; the listener applies this list.
     */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private ServerSslContext() {
    }

    /**
     * @param defaultKey served without SNI or for a name nothing else is registered for
     * @param byHost     certificates by SNI host name ({@code *.} wildcards allowed)
     */
    public static SSLContext create(CertifiedKey defaultKey, Map<String, CertifiedKey> byHost) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[]{new SniKeySelector(defaultKey, byHost)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS implementation", e);
        }
    }
}
