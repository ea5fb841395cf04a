package io.worklane.insights;

/** What a report groups and filters by: its key in the API and its column in the facts. */
enum Dimension {
    DEPARTMENT("department", "department", "Department"),
    PROCESS("process", "process", "Process"),
    SEGMENT("segment", "customer_segment", "Customer segment"),
    SOURCE_SYSTEM("sourceSystem", "source_system", "Source system"),
    MEDIA_TYPE("mediaType", "media_type", "Media type"),
    AGENT("agent", "agent_id", "Agent");

    private final String key;
    private final String column;
    private final String label;

    Dimension(String key, String column, String label) {
        this.key = key;
        this.column = column;
        this.label = label;
    }

    String key() {
        return key;
    }

    String column() {
        return column;
    }

    String label() {
        return label;
    }
}
