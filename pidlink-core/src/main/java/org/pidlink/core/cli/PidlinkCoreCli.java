package org.pidlink.core.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.skip.SkipRules;
import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.work.WorkMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./pidlink inspect|convert}: looks at DOI metadata files the way pidlink will, without a server.
 * The class name is a contract with the {@code ./pidlink} script.
 */
@Command(name = "pidlink", mixinStandardHelpOptions = true,
        description = "Reads DOI metadata files (DataCite XML/JSON, Crossref XML/JSON) as pidlink does.")
public final class PidlinkCoreCli {

    private PidlinkCoreCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exit = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs one command line with the given output streams and returns its exit code (for tests and main). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Tools tools = new Tools(MetadataReader.standard(), TypeMapping.defaults(), SkipRules.defaults(),
                WorkMapper.standard());
        CommandLine cli = new CommandLine(new PidlinkCoreCli())
                .addSubcommand("inspect", new InspectCommand(tools, out))
                .addSubcommand("convert", new ConvertCommand(tools, out, err));
        cli.setOut(out);
        cli.setErr(err);
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /** What the commands read and map with: the same defaults the service starts from. */
    record Tools(MetadataReader reader, TypeMapping types, SkipRules skipRules, WorkMapper mapper) {
    }
}
