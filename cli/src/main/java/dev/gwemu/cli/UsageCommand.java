package dev.gwemu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code gwemu usage}: a usage plan's requests per key and day, asked of a running gwemu. */
@Command(name = "usage",
        header = "Prints a usage plan's use per API key and day, asked of a running gwemu.",
        mixinStandardHelpOptions = true,
        description = {
                "Prints a usage plan's use per API key and day (used, remaining), shaped like",
                "API Gateway's GetUsage, from a gwemu started with 'gwemu start'."})
final class UsageCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, description = "the usage plan's name in api.yaml")
    String plan;

    @Option(names = "--key", description = "only this API key id")
    String key;

    @Option(names = "--from", description = "first day, yyyy-MM-dd (default: today, UTC)")
    String from;

    @Option(names = "--to", description = "last day, yyyy-MM-dd (default: --from)")
    String to;

    @Option(names = {"-p", "--port"}, defaultValue = "3000", description = "the running gwemu's port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = {"-H", "--host"}, defaultValue = "127.0.0.1", description = "its address (default: ${DEFAULT-VALUE})")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        String first = from != null ? from : LocalDate.now(ZoneOffset.UTC).toString();
        String last = to != null ? to : first;
        String query = "plan=" + encode(plan) + "&from=" + encode(first) + "&to=" + encode(last)
                + (key == null ? "" : "&key=" + encode(key));
        URI uri = URI.create("http://" + host + ":" + port + "/_gwemu/usage?" + query);
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("gwemu usage: " + response.statusCode() + " " + response.body());
                return 1;
            }
            System.out.println(response.body());
            return 0;
        } catch (ConnectException e) {
            System.err.println("gwemu usage: no gwemu is listening on " + host + ":" + port + " (start one with 'gwemu start')");
            return 1;
        } catch (IOException e) {
            System.err.println("gwemu usage: " + e.getMessage());
            return 1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
