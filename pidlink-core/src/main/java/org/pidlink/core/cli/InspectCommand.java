package org.pidlink.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.ReadError;
import org.pidlink.core.metadata.ReadResult;
import org.pidlink.core.metadata.RejectedIdentifier;
import org.pidlink.core.work.ContributorRoles;
import org.pidlink.core.work.InvalidWorkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code inspect FILE…}: one JSON line per DOI record found, with its ORCID iDs, the iDs that were rejected,
 * the ORCID work type and why pidlink would skip it. A file (or part of one) that cannot be read gets a line
 * with {@code "doi": null} and its errors. Exit code 1 when any file could not be read completely.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print the DOI records, ORCID iDs, work types and skip reasons found in metadata files,"
                + " one JSON object per line.")
final class InspectCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DataCite or Crossref metadata, XML or JSON")
    List<Path> files;

    private final PidlinkCoreCli.Tools tools;
    private final PrintWriter out;

    InspectCommand(PidlinkCoreCli.Tools tools, PrintWriter out) {
        this.tools = tools;
        this.out = out;
    }

    @Override
    public Integer call() {
        boolean allRead = true;
        for (Path file : files) {
            allRead &= inspect(file);
        }
        out.flush();
        return allRead ? 0 : 1;
    }

    private boolean inspect(Path file) {
        ReadResult result;
        try {
            result = tools.reader().read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            printUnread(file, List.of(new ReadError("file", "no such file")));
            return false;
        } catch (IOException | OutOfMemoryError e) {
            printUnread(file, List.of(new ReadError("file", "cannot read the file: " + e.getMessage())));
            return false;
        }
        for (DoiRecord record : result.records()) {
            out.println(JSON.writeValueAsString(describe(file, record)));
        }
        if (result.records().isEmpty() && result.errors().isEmpty()) {
            printUnread(file, List.of(new ReadError("document", "no DOI records found")));
            return false;
        }
        if (!result.errors().isEmpty()) {
            ObjectNode line = base(file, null, result.format() == null ? null : result.format().label(), null);
            errors(line, result.errors());
            out.println(JSON.writeValueAsString(line));
            return false;
        }
        return true;
    }

    private ObjectNode describe(Path file, DoiRecord record) {
        ObjectNode line = base(file, record.doi().value(), record.format().label(),
                record.state().name().toLowerCase(Locale.ROOT));
        line.put("workType", tools.types().orcidType(record.resourceType()));
        ArrayNode orcids = line.putArray("orcids");
        for (Person creator : record.creators()) {
            orcid(orcids, creator, true);
        }
        for (Person contributor : record.contributors()) {
            orcid(orcids, contributor, false);
        }
        ArrayNode rejected = line.putArray("rejected");
        for (RejectedIdentifier r : record.rejectedIdentifiers()) {
            rejected.addObject().put("value", r.value()).put("reason", r.reason());
        }
        line.put("skip", tools.skipRules().skipReason(record).orElse(null));
        ArrayNode errors = line.putArray("errors");
        try {
            tools.mapper().map(record);
        } catch (InvalidWorkException e) {
            errors.addObject().put("location", "work").put("message", e.getMessage());
        }
        return line;
    }

    private static void orcid(ArrayNode orcids, Person person, boolean creator) {
        if (person.orcid() == null) {
            return;
        }
        String role = ContributorRoles.of(person, creator)
                .orElse(person.roles().isEmpty() ? null : person.roles().get(0));
        orcids.addObject().put("orcid", person.orcid().value()).put("role", role).put("name", person.name());
    }

    private void printUnread(Path file, List<ReadError> errors) {
        ObjectNode line = base(file, null, null, null);
        errors(line, errors);
        out.println(JSON.writeValueAsString(line));
    }

    private static ObjectNode base(Path file, String doi, String format, String state) {
        ObjectNode line = JSON.createObjectNode();
        line.put("file", file.toString());
        line.put("doi", doi);
        line.put("format", format);
        line.put("state", state);
        line.putNull("workType");
        line.putArray("orcids");
        line.putArray("rejected");
        line.putNull("skip");
        line.putArray("errors");
        return line;
    }

    private static void errors(ObjectNode line, List<ReadError> errors) {
        ArrayNode array = line.putArray("errors");
        for (ReadError e : errors) {
            array.addObject().put("location", e.location()).put("message", e.message());
        }
    }
}
