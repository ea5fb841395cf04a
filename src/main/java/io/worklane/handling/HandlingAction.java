package io.worklane.handling;

/** What an agent does with the item they handle. */
enum HandlingAction {
    DONE("Mark done"), PARK("Park in my workbin"), TRANSFER_AGENT("Transfer to an agent"),
    TRANSFER_TARGET("Transfer to a skill target");

    private final String label;

    HandlingAction(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
