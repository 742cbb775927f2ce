package dev.gwemu.lambda;

/** How the functions' own log lines ({@code context.getLogger()}, START/END/REPORT) reach the console. */
public enum FunctionLogFormat {
    /** {@code [GetPet] message}, one line per line of the message. */
    PREFIXED,
    /** {@code {"time":"2025-03-14T09:26:53.120Z","function":"GetPet","message":"..."}}, one object per line of the message. */
    JSON
}
