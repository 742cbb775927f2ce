package dev.gwemu.pipeline;

/** One stage of the road. It reads and fills the invocation, or stops the road with a {@link GatewayException}. */
@FunctionalInterface
public interface Step {
    void apply(Invocation invocation);
}
