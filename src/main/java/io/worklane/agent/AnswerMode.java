package io.worklane.agent;

/** How an agent answers an offer: at once (the item is theirs), or by accepting or declining it in Tasklist. */
public enum AnswerMode {
    AUTO, MANUAL
}
