package dev.gwemu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gwemu} command: a local AWS API Gateway. Subcommands do the work. */
@Command(name = "gwemu",
        mixinStandardHelpOptions = true,
        versionProvider = GwemuCommand.Version.class,
        description = {
                "A local AWS API Gateway: serves REST and HTTP APIs from OpenAPI definitions with the",
                "x-amazon-apigateway-* extensions, and WebSocket APIs, running their Lambda handlers",
                "in-process."},
        subcommands = {StartCommand.class, ValidateCommand.class, RoutesCommand.class, InvokeCommand.class, UsageCommand.class,
                TokenCommand.class, ExportCommand.class, RecordCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class})
public final class GwemuCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        BatchingConsole.install();
        int status = commandLine().execute(args);
        BatchingConsole.drainInstalled();
        System.exit(status);
    }

    static CommandLine commandLine() {
        // '@file' is an argument of its own (invoke --body @pet.json), not a picocli argument file.
        return new CommandLine(new GwemuCommand()).setExpandAtFiles(false);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GwemuCommand.class.getPackage().getImplementationVersion();
            return new String[]{"gwemu " + (version == null ? "(development build)" : version)};
        }
    }
}
