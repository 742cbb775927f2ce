package dev.gwemu.cli;

import dev.gwemu.auth.cognito.JwtTokenRequest;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.PoolIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.auth.cognito.TokenUse;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.model.Project;
import dev.gwemu.model.UserPoolSpec;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gwemu token}: a token signed by the project's local issuer: a Cognito user pool token for COGNITO_USER_POOLS
 * methods ({@code --pool}), or a plain JWT for HTTP API JWT authorizers ({@code --issuer}).
 */
@Command(name = "token",
        header = "Prints a JWT (Cognito-shaped or plain) that the project's authorizers accept.",
        mixinStandardHelpOptions = true,
        description = {
                "Prints a token (a JWT) that 'gwemu start' accepts.",
                "",
                "The token is one of api.yaml's userPools, with the header and claims of a",
                "real Cognito token, signed with the project's own RSA key",
                "(.gwemu/cognito-signing-key.json beside api.yaml, made on first use). Methods",
                "whose COGNITO_USER_POOLS authorizer names that pool accept it. Only the token",
                "goes to standard output:",
                "",
                "  TOKEN=$(gwemu token --pool main --sub alice)",
                "  curl -H \"Authorization: $TOKEN\" http://127.0.0.1:3000/dev/pets",
                "",
                "A method without authorizationScopes takes ID tokens (the default); a method",
                "with scopes takes access tokens holding any of them (--scope makes one).",
                "gwemu cannot sign for a pool with its own 'jwks': its tokens come from Cognito.",
                "",
                "With --issuer instead of --pool, the token is for HTTP API JWT authorizers",
                "whose jwtConfiguration.issuer is that URL: iss, sub, aud (--audience),",
                "client_id (--client-id), scope (--scope), iat and exp, signed RS256 with the",
                "same key. api.yaml must declare the issuer without 'jwks', under jwtIssuers",
                "(or as a user pool's https://cognito-idp.{region}.amazonaws.com/{id}):",
                "",
                "  jwtIssuers:",
                "    - issuer: https://shop.eu.auth0.com/",
                "",
                "The authorizer takes the token when aud (or, without aud, client_id) is one",
                "of its audience, and, on a route with authorizationScopes, --scope has one.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the token was printed",
                "1:the project could not be loaded, or its key file could not be read or written",
                "2:bad options: an unknown pool or issuer, one with its own jwks, a bad --ttl or --type, or options that do not go with --pool or --issuer"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu token --pool main --sub alice --groups admin,dev --email a@example.com",
                "  gwemu token --pool main --sub alice --scope \"pets/read pets/write\" --ttl 15m",
                "  gwemu token --pool main --sub alice --ttl 1s   (expired a second later)",
                "  gwemu token --pool main --sub alice path/to/api.yaml",
                "  gwemu token --issuer https://shop.eu.auth0.com/ --audience orders-api \\",
                "              --sub alice --scope \"orders/read orders/write\""},
        sortOptions = false)
final class TokenCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "api.yaml",
            description = "the project file (default: ${DEFAULT-VALUE})")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Signer signer;

    /** Whose token: a user pool's (Cognito-shaped) or a JWT issuer's (plain). */
    static final class Signer {
        @Option(names = "--pool", required = true, paramLabel = "NAME", description = "the user pool's name under api.yaml's userPools")
        String pool;

        @Option(names = "--issuer", required = true, paramLabel = "URL",
                description = "a JWT issuer api.yaml declares without jwks (jwtIssuers, or a user pool's issuer URL): "
                        + "the token's iss, for HTTP API JWT authorizers")
        String issuer;
    }

    @Option(names = "--sub", required = true, paramLabel = "SUB", description = "the sub claim: who the token is about")
    String subject;

    @Option(names = "--username", paramLabel = "NAME",
            description = "cognito:username (ID token) or username (access token); default: the sub")
    String username;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP",
            description = "cognito:groups, comma-separated (admin,dev); none: no groups claim")
    List<String> groups = new ArrayList<>();

    @Option(names = "--scope", paramLabel = "SCOPES",
            description = "the access token's scopes, space-separated (\"pets/read pets/write\"); implies --type access."
                    + " With --issuer: the scope claim")
    String scope;

    @Option(names = "--audience", paramLabel = "AUD",
            description = "--issuer only: the aud claim; repeat it for several (an array)")
    List<String> audience = new ArrayList<>();

    @Option(names = "--client-id", paramLabel = "ID",
            description = "--issuer only: the client_id claim (JWT authorizers read it when there is no aud)")
    String clientId;

    @Option(names = "--type", paramLabel = "id|access", converter = TypeConverter.class,
            description = "id or access; default: access with --scope, else id")
    TokenUse type;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "the ID token's email (with email_verified: true)")
    String email;

    @Option(names = "--ttl", defaultValue = "1h", paramLabel = "DURATION", converter = TtlConverter.class,
            description = "how long the token is valid: 90s, 15m, 1h, 1d, 1h30m or PT1H (default: ${DEFAULT-VALUE},"
                    + " Cognito's default; Cognito itself allows 5m to 1d)")
    Duration ttl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return printToken(out, err);
        } finally {
            out.flush(); // main() exits right after: nothing may stay in a buffer
            err.flush();
        }
    }

    private int printToken(PrintWriter out, PrintWriter err) {
        Project project;
        try {
            project = ProjectLoader.load(file).project();
        } catch (DefinitionException e) {
            err.println("gwemu token: cannot load " + file + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        return signer.issuer != null ? printIssuerToken(project, out, err) : printPoolToken(project, out, err);
    }

    private int printPoolToken(Project project, PrintWriter out, PrintWriter err) {
        String pool = signer.pool;
        if (!audience.isEmpty() || clientId != null) {
            err.println("gwemu token: --audience and --client-id go with --issuer; a pool's token names the pool's app client");
            return 2;
        }
        UserPoolSpec userPool = project.security().userPools().stream()
                .filter(p -> p.name().equals(pool)).findFirst().orElse(null);
        if (userPool == null) {
            List<String> known = project.security().userPools().stream().map(UserPoolSpec::name).toList();
            err.println("gwemu token: " + file + " has no user pool named '" + pool + "'; "
                    + (known.isEmpty() ? "it declares none (add one under 'userPools:')" : "its pools: " + String.join(", ", known)));
            return 2;
        }
        if (userPool.jwks() != null) {
            err.println("gwemu token: user pool " + pool + " verifies tokens with " + userPool.jwks()
                    + ", so only that pool can sign for it; drop its 'jwks' to have gwemu sign its tokens");
            return 2;
        }
        TokenRequest request;
        try {
            List<String> scopes = scopes();
            TokenUse use = type != null ? type : scope != null ? TokenUse.ACCESS : TokenUse.ID;
            request = new TokenRequest(use, subject, username, groups.stream().map(String::trim).filter(g -> !g.isEmpty()).toList(),
                    scopes, email, ttl);
        } catch (IllegalArgumentException e) {
            err.println("gwemu token: " + e.getMessage());
            return 2;
        }
        LocalIssuer issuer = openIssuer(project, err);
        if (issuer == null) {
            return 1;
        }
        out.println(issuer.issue(userPool, request));
        return 0;
    }

    /** A plain JWT for an issuer api.yaml lets the local issuer sign for (HTTP API JWT authorizers). */
    private int printIssuerToken(Project project, PrintWriter out, PrintWriter err) {
        String iss = signer.issuer;
        if (username != null || !groups.isEmpty() || type != null || email != null) {
            err.println("gwemu token: --username, --groups, --type and --email go with --pool; an --issuer token has iss, sub,"
                    + " aud, client_id, scope, iat and exp");
            return 2;
        }
        String refusal = whyNotSignable(project, iss);
        if (refusal != null) {
            err.println("gwemu token: " + refusal);
            return 2;
        }
        if (audience.isEmpty() && clientId == null) {
            err.println("gwemu token: a JWT authorizer takes a token whose aud or client_id is one of its audience;"
                    + " give --audience or --client-id");
            return 2;
        }
        JwtTokenRequest request;
        try {
            request = new JwtTokenRequest(iss, subject, audience, clientId, scopes(), ttl);
        } catch (IllegalArgumentException e) {
            err.println("gwemu token: " + e.getMessage());
            return 2;
        }
        LocalIssuer issuer = openIssuer(project, err);
        if (issuer == null) {
            return 1;
        }
        out.println(issuer.issue(request));
        return 0;
    }

    /** Null when the authorizer trusts the local key for {@code iss}; else what to tell the user. */
    private String whyNotSignable(Project project, String iss) {
        for (JwtIssuerSpec declared : project.security().jwtIssuers()) {
            if (declared.issuer().equals(iss)) {
                return declared.jwks() == null ? null : "issuer " + iss + " verifies tokens with " + declared.jwks()
                        + ", so only that issuer can sign for it; drop its 'jwks' under jwtIssuers to have gwemu sign its tokens";
            }
        }
        for (UserPoolSpec userPool : project.security().userPools()) {
            if (PoolIssuer.of(userPool.id()).equals(iss)) {
                return userPool.jwks() == null ? null : "issuer " + iss + " is user pool " + userPool.name()
                        + ", which verifies tokens with " + userPool.jwks() + "; drop its 'jwks' to have gwemu sign its tokens";
            }
        }
        return file + " does not declare issuer " + iss + ", so gwemu start would fetch its keys from " + iss
                + "/.well-known/openid-configuration; declare it under 'jwtIssuers:' (- issuer: " + iss
                + ") to have gwemu sign its tokens";
    }

    private List<String> scopes() {
        return scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private LocalIssuer openIssuer(Project project, PrintWriter err) {
        try {
            return LocalIssuer.open(project.stateDir());
        } catch (IOException e) {
            err.println("gwemu token: cannot use the signing key in " + project.stateDir() + ": " + e.getMessage());
            return null;
        }
    }

    /** {@code id} or {@code access}, as the {@code token_use} claim says it. */
    static final class TypeConverter implements CommandLine.ITypeConverter<TokenUse> {
        @Override
        public TokenUse convert(String value) {
            return Arrays.stream(TokenUse.values()).filter(u -> u.claim().equals(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is neither id nor access"));
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 1d}, or ISO-8601 ({@code PT1H}); positive. */
    static final class TtlConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(?:\\d+[dhms])+");
        private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

        @Override
        public Duration convert(String value) {
            Duration ttl;
            try {
                ttl = parse(value);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is too long a time");
            }
            if (ttl.isZero() || ttl.isNegative() || ttl.getNano() != 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a positive number of seconds");
            }
            return ttl;
        }

        private static Duration parse(String value) {
            Duration ttl;
            if (SHORT.matcher(value).matches()) {
                ttl = Duration.ZERO;
                Matcher part = PART.matcher(value);
                while (part.find()) {
                    long amount = Long.parseLong(part.group(1));
                    ttl = ttl.plus(switch (part.group(2)) {
                        case "d" -> Duration.ofDays(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
                }
            } else {
                try {
                    ttl = Duration.parse(value);
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (90s, 15m, 1h, 1d, 1h30m, PT1H)");
                }
            }
            return ttl;
        }
    }
}
