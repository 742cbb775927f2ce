package dev.gwemu.validation;

/** A model (or a method's reference to one) that cannot be compiled: a load error, never a request error. */
public final class ModelException extends RuntimeException {
    private final String model;

    ModelException(String model, String problem) {
        super("model " + model + ": " + problem);
        this.model = model;
    }

    ModelException(String model, String problem, Throwable cause) {
        super("model " + model + ": " + problem, cause);
        this.model = model;
    }

    /** The name of the model at fault. */
    public String model() {
        return model;
    }
}
