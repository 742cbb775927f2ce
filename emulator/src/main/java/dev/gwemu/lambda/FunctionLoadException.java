package dev.gwemu.lambda;

import java.nio.file.Path;

/** A function's code cannot be loaded: names the function, its code and the reason. */
public class FunctionLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final transient Path code;
    private final String reason;

    public FunctionLoadException(String functionName, Path code, String reason) {
        this(functionName, code, reason, null);
    }

    public FunctionLoadException(String functionName, Path code, String reason, Throwable cause) {
        super("Cannot load function '" + functionName + "' from " + code + ": " + reason, cause);
        this.functionName = functionName;
        this.code = code;
        this.reason = reason;
    }

    public String functionName() {
        return functionName;
    }

    public Path code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
