package dev.gwemu.server.tls;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the server certificate by the host name the client asked for in its TLS handshake (SNI):
 * the certificate registered for that exact name, else the one registered for its wildcard
 * ({@code *.example.test} for {@code api.example.test}), else the default certificate. JSSE asks once
 * per key type it could use; a certificate whose key is of another type is not offered for it, so the
 * handshake picks a signature scheme the chosen key can make.
 */
public final class SniKeySelector extends X509ExtendedKeyManager {
    static final String DEFAULT_ALIAS = "default";

    private final Map<String, CertifiedKey> byAlias = new LinkedHashMap<>();
    private final Map<String, String> aliasByHost = new LinkedHashMap<>();

    /**
     * @param defaultKey served when the client sends no SNI name or one nothing is registered for
     * @param byHost     host names (or {@code *.} wildcards, lower case) and the certificate each is served
     */
    public SniKeySelector(CertifiedKey defaultKey, Map<String, CertifiedKey> byHost) {
        byAlias.put(DEFAULT_ALIAS, defaultKey);
        Map<CertifiedKey, String> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, CertifiedKey> entry : byHost.entrySet()) {
            String alias = aliases.computeIfAbsent(entry.getValue(), key -> "sni-" + aliases.size());
            byAlias.putIfAbsent(alias, entry.getValue());
            aliasByHost.put(entry.getKey().toLowerCase(Locale.ROOT), alias);
        }
    }

    /** The alias served for an SNI host name (null: none sent). */
    String aliasFor(String sniHostName) {
        if (sniHostName == null) {
            return DEFAULT_ALIAS;
        }
        String host = sniHostName.toLowerCase(Locale.ROOT);
        String alias = aliasByHost.get(host);
        if (alias == null) {
            String wildcard = CertificateNames.wildcardFor(host);
            alias = wildcard == null ? null : aliasByHost.get(wildcard);
        }
        return alias != null ? alias : DEFAULT_ALIAS;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    private String choose(String keyType, SSLSession handshake) {
        String alias = aliasFor(requestedHostName(handshake));
        return fits(byAlias.get(alias), keyType) ? alias : null;
    }

    private static String requestedHostName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                    return ((SNIHostName) name).getAsciiName();
                }
            }
        }
        return null;
    }

    /** JSSE's key types are a key algorithm, optionally with the certificate's signature one ({@code EC_RSA}). */
    private static boolean fits(CertifiedKey key, String keyType) {
        if (keyType == null) {
            return true;
        }
        int underscore = keyType.indexOf('_');
        String algorithm = underscore < 0 ? keyType : keyType.substring(0, underscore);
        return key.key().getAlgorithm().equalsIgnoreCase(algorithm);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        List<String> aliases = new ArrayList<>();
        byAlias.forEach((alias, key) -> {
            if (fits(key, keyType)) {
                aliases.add(alias);
            }
        });
        return aliases.isEmpty() ? null : aliases.toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey key = byAlias.get(alias);
        return key == null ? null : key.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey key = byAlias.get(alias);
        return key == null ? null : key.key();
    }

    // A server never authenticates itself as a client.

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
