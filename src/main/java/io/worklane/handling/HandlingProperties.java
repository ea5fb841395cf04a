package io.worklane.handling;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dispositionCodes what an agent may record as the result of their work (e.g. converted, not converted)
 * @param markDoneDisabledDepartments departments whose agents cannot mark items done: the source system completes
 *            them (the seed's "disable Mark Done")
 */
@ConfigurationProperties("worklane.handling")
record HandlingProperties(List<String> dispositionCodes, List<String> markDoneDisabledDepartments) {

    HandlingProperties {
        dispositionCodes = dispositionCodes == null
                ? List.of("Converted", "Not converted", "Resolved", "Callback requested") : List.copyOf(dispositionCodes);
        markDoneDisabledDepartments = markDoneDisabledDepartments == null ? List.of()
                : List.copyOf(markDoneDisabledDepartments);
    }
}
