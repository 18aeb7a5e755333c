package org.pidlink.app.claims;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.admin.TypeMappings;
import org.pidlink.app.claims.WorkFilters.Filter;

/**
 * The filters as a form posts them, checked: the work types she ticked (all of them: every type, also ones the
 * administrators add later), the three switches, and the year typed. A bad value is named, with where it is.
 *
 * @param workTypes  the work types ticked
 * @param findable   "only findable DOIs" ticked
 * @param versions   "leave out versions and parts" ticked
 * @param creator    "only works naming me as a creator" ticked
 * @param yearFloor  the year typed, as typed (blank: no floor)
 */
record FilterForm(List<String> workTypes, boolean findable, boolean versions, boolean creator, String yearFloor) {

    /** The filters, or the problems in the form's own words. */
    record Checked(@Nullable WorkFilters filters, List<String> problems) {
    }

    FilterForm {
        workTypes = workTypes == null ? List.of() : List.copyOf(workTypes);
        yearFloor = yearFloor == null ? "" : yearFloor.strip();
    }

    static FilterForm of(WorkFilters filters, List<String> allTypes) {
        return new FilterForm(filters.workTypes() == null ? allTypes : List.copyOf(new TreeSet<>(filters.workTypes())),
                filters.findableOnly(), filters.excludeVersions(), filters.creatorOnly(),
                filters.yearFloor() == null ? "" : filters.yearFloor().toString());
    }

    /** The ORCID work types the administrators' type mapping gives, sorted: the choices of "types to send". */
    static List<String> workTypes(TypeMappings mappings) {
        return List.copyOf(new TreeSet<>(mappings.current().rows().values().stream()
                .map(t -> t.toLowerCase(Locale.ROOT)).toList()));
    }

    Checked check(List<String> allTypes, Set<Filter> locked) {
        List<String> problems = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        for (String type : workTypes) {
            String t = type.strip().toLowerCase(Locale.ROOT);
            if (!allTypes.contains(t)) {
                problems.add("Types of work to send: \"" + type + "\" is not one of the ORCID work types pidlink uses.");
            } else {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty() && !locked.contains(Filter.WORK_TYPES)) {
            problems.add("Types of work to send: tick at least one type (to send nothing, disconnect pidlink instead).");
        }
        Integer year = null;
        if (!yearFloor.isEmpty()) {
            try {
                year = Integer.parseInt(yearFloor);
                if (year < WorkFilters.MIN_YEAR || year > WorkFilters.MAX_YEAR) {
                    problems.add("Publication year: \"" + yearFloor + "\" is not a year between " + WorkFilters.MIN_YEAR
                            + " and " + WorkFilters.MAX_YEAR + "; leave it empty to send works of every year.");
                    year = null;
                }
            } catch (NumberFormatException e) {
                problems.add("Publication year: \"" + yearFloor + "\" is not a year (write it as four digits, such as"
                        + " 2015, or leave it empty to send works of every year).");
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(new WorkFilters(chosen.containsAll(allTypes) ? null : chosen, findable, versions, creator,
                year), List.of());
    }

    /** The locks an administrator ticked, each a filter's name; an unknown name is a problem. */
    static EnumSet<Filter> locks(List<String> names, List<String> problems) {
        EnumSet<Filter> locked = EnumSet.noneOf(Filter.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                locked.add(Filter.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                problems.add("Locks: \"" + name + "\" is not one of the filters.");
            }
        }
        return locked;
    }
}
