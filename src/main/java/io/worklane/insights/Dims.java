package io.worklane.insights;

/** What item facts are grouped by, as the event recorded it; '' where the item had none (not classified yet). */
record Dims(String department, String process, String segment, String sourceSystem, String mediaType) {

    Dims {
        department = orEmpty(department);
        process = orEmpty(process);
        segment = orEmpty(segment);
        sourceSystem = orEmpty(sourceSystem);
        mediaType = orEmpty(mediaType);
    }

    /** What an agent's facts keep: the department and the process (FactDeltas). */
    Dims forAgents() {
        return new Dims(department, process, "", "", "");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
