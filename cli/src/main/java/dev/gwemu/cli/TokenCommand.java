package dev.gwemu.cli;

import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.auth.cognito.TokenUse;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.model.UserPoolSpec;
import picocli.CommandLine;
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

/** {@code gwemu token}: a Cognito user pool token, signed by the project's local issuer, for COGNITO_USER_POOLS methods. */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        description = {
                "Prints a Cognito user pool token (a JWT) that 'gwemu start' accepts.",
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
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the token was printed",
                "1:the project could not be loaded, or its key file could not be read or written",
                "2:bad options: an unknown pool, a pool with its own jwks, a bad --ttl or --type"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu token --pool main --sub alice --groups admin,dev --email a@example.com",
                "  gwemu token --pool main --sub alice --scope \"pets/read pets/write\" --ttl 15m",
                "  gwemu token --pool main --sub alice --ttl 1s   (expired a second later)",
                "  gwemu token --pool main --sub alice path/to/api.yaml"},
        sortOptions = false)
final class TokenCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "api.yaml",
            description = "the project file (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--pool", required = true, paramLabel = "NAME", description = "the user pool's name under api.yaml's userPools")
    String pool;

    @Option(names = "--sub", required = true, paramLabel = "SUB", description = "the sub claim: who the token is about")
    String subject;

    @Option(names = "--username", paramLabel = "NAME",
            description = "cognito:username (ID token) or username (access token); default: the sub")
    String username;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP",
            description = "cognito:groups, comma-separated (admin,dev); none: no groups claim")
    List<String> groups = new ArrayList<>();

    @Option(names = "--scope", paramLabel = "SCOPES",
            description = "the access token's scopes, space-separated (\"pets/read pets/write\"); implies --type access")
    String scope;

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
            List<String> scopes = scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            TokenUse use = type != null ? type : scope != null ? TokenUse.ACCESS : TokenUse.ID;
            request = new TokenRequest(use, subject, username, groups.stream().map(String::trim).filter(g -> !g.isEmpty()).toList(),
                    scopes, email, ttl);
        } catch (IllegalArgumentException e) {
            err.println("gwemu token: " + e.getMessage());
            return 2;
        }
        LocalIssuer issuer;
        try {
            issuer = LocalIssuer.open(project.stateDir());
        } catch (IOException e) {
            err.println("gwemu token: cannot use the signing key in " + project.stateDir() + ": " + e.getMessage());
            return 1;
        }
        out.println(issuer.issue(userPool, request));
        return 0;
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
