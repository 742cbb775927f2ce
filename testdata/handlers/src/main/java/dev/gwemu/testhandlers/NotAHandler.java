package dev.gwemu.testhandlers;

/** Implements no handler interface; only usable with an explicit method, which it lacks. */
public class NotAHandler {
    public String toString() {
        return "not a handler";
    }
}
