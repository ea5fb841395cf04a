package io.worklane.agent;

public enum Presence {
    READY, NOT_READY
}
