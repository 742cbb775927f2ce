package dev.gwemu.server.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Real TLS clients for the tests: java.net.http, and raw JSSE sockets where a test needs its own SNI name. */
final class TlsClients {
    private TlsClients() {
    }

    /** A client context that trusts exactly these certificates (and nothing from the JDK's trust store). */
    static SSLContext trusting(List<X509Certificate> certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Trusts the PEM file's certificates, as {@code curl --cacert FILE} does. */
    static SSLContext trusting(Path pemFile) throws Exception {
        return trusting(PemFiles.readCertificateChain(pemFile));
    }

    static HttpClient http(SSLContext trust) {
        return HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Connects to 127.0.0.1:port as a client that asked for {@code host}: SNI names it and the server's
     * certificate must be valid for it (the HTTPS endpoint check browsers make). Null sends no SNI.
     */
    static SSLSocket connect(SSLContext trust, int port, String host) throws IOException {
        return connect(trust, port, host, true);
    }

    /** As {@link #connect(SSLContext, int, String)}; without {@code checkName}, any trusted certificate is accepted. */
    static SSLSocket connect(SSLContext trust, int port, String host, boolean checkName) throws IOException {
        Socket tcp = new Socket();
        tcp.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        tcp.setSoTimeout(10_000);
        SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(tcp, host == null ? "127.0.0.1" : host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        if (host == null) {
            parameters.setServerNames(List.of());
        } else if (checkName) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    /** The certificate the server presents to a client that asked for {@code host} (checked to be valid for it). */
    static X509Certificate servedFor(SSLContext trust, int port, String host) throws IOException {
        return servedFor(trust, port, host, true);
    }

    static X509Certificate servedFor(SSLContext trust, int port, String host, boolean checkName) throws IOException {
        try (SSLSocket tls = connect(trust, port, host, checkName)) {
            return (X509Certificate) tls.getSession().getPeerCertificates()[0];
        }
    }

    /** An HTTP/1.1 GET over a connection made for {@code host}: the whole answer as text. */
    static String get(SSLContext trust, int port, String host, String path, String... headerLines) throws IOException {
        try (SSLSocket tls = connect(trust, port, host)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            Stream.of(headerLines).forEach(line -> request.append(line).append("\r\n"));
            OutputStream out = tls.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tls.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A project with one MOCK API answering {@code GET /{stage}/hello} with 200 {"hello":"API name"}, and {@code extra} api.yaml. */
    static Path mockProject(Path dir, String extra) throws IOException {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: hello, version: '1'}
                paths:
                  /hello:
                    get:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses:
                          default:
                            statusCode: "200"
                            responseTemplates: {application/json: '{"hello": "$context.domainName"}'}
                """);
        return Files.writeString(dir.resolve("api.yaml"), "apis:\n  - {name: hello, definition: openapi.yaml, stages: {dev: {}}}\n"
                + extra);
    }

    /** Writes the pair as {@code name.pem} and {@code name-key.pem} (PKCS#8) in {@code dir}. */
    static void writePem(CertifiedKey pair, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".pem"), PemFiles.certificatesPem(pair.chain()));
        Files.writeString(dir.resolve(name + "-key.pem"), PemFiles.privateKeyPem(pair.key()));
    }

    /** A copy of a project folder (files only, one level), so its {@code .gwemu/} state folder lands in a temporary place. */
    static Path copyProject(Path folder, Path into) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
        return into.resolve("api.yaml");
    }
}
