package org.pidlink.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pidlink.core.identifiers.InvalidIdentifierException;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.ReadError;
import org.pidlink.core.metadata.ReadResult;
import org.pidlink.core.work.InvalidWorkException;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkJsonWriter;
import org.pidlink.core.work.WorkXmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convert FILE [--to json|xml]}: the ORCID v3.0 work pidlink would write for a file with one DOI, or
 * ORCID's bulk message for a file with several (ORCID takes at most 100 works per bulk request, so more records
 * give several bulk messages one after the other). Skip rules are not applied: this shows the work itself.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Print the ORCID v3.0 work (or bulk message) pidlink would write for a metadata file.")
final class ConvertCommand implements Callable<Integer> {

    /** ORCID's limit on works per bulk request (error 9006 above it). */
    static final int BULK_LIMIT = 100;

    enum Format { json, xml }

    @Parameters(index = "0", paramLabel = "FILE", description = "DataCite or Crossref metadata, XML or JSON")
    Path file;

    @Option(names = "--to", defaultValue = "json", paramLabel = "json|xml",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format to;

    @Option(names = "--for", paramLabel = "ORCID",
            description = "the researcher the work is written for: kept among the contributors when they are cut")
    String researcher;

    private final PidlinkCoreCli.Tools tools;
    private final PrintWriter out;
    private final PrintWriter err;

    ConvertCommand(PidlinkCoreCli.Tools tools, PrintWriter out, PrintWriter err) {
        this.tools = tools;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        OrcidId forResearcher = null;
        if (researcher != null) {
            try {
                forResearcher = OrcidId.parse(researcher);
            } catch (InvalidIdentifierException e) {
                err.println("convert: --for: " + e.getMessage());
                return 2;
            }
        }
        ReadResult result;
        try {
            result = tools.reader().read(Files.readAllBytes(file));
        } catch (IOException e) {
            err.println("convert: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        boolean clean = result.errors().isEmpty();
        for (ReadError e : result.errors()) {
            err.println("convert: " + file + ": " + e);
        }
        List<OrcidWork> works = new ArrayList<>();
        for (DoiRecord record : result.records()) {
            try {
                works.add(tools.mapper().map(record, forResearcher));
            } catch (InvalidWorkException e) {
                err.println("convert: " + record.doi() + " cannot be written to ORCID: " + e.getMessage());
                clean = false;
            }
        }
        if (works.isEmpty()) {
            if (result.records().isEmpty() && result.errors().isEmpty()) {
                err.println("convert: " + file + ": no DOI records found");
            }
            return 1;
        }
        if (result.records().size() == 1) {
            out.println(to == Format.xml ? WorkXmlWriter.toXml(works.get(0)).strip()
                    : WorkJsonWriter.toPrettyJson(works.get(0)));
        } else {
            for (int from = 0; from < works.size(); from += BULK_LIMIT) {
                List<OrcidWork> chunk = works.subList(from, Math.min(works.size(), from + BULK_LIMIT));
                out.println(to == Format.xml ? WorkXmlWriter.toBulkXml(chunk).strip()
                        : WorkJsonWriter.toPrettyBulkJson(chunk));
            }
        }
        out.flush();
        return clean ? 0 : 1;
    }
}
