package dev.gwemu.validation;

import dev.gwemu.model.Method;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.Optional;

/** Method request validation (data-plane.md §7): parameters, then the body, before any integration runs. */
public final class RequestValidationStep implements Step {
    @Override
    public void apply(Invocation inv) {
        Method method = inv.route().method();
        RequestValidator validator = method.validator();
        if (validator == null) {
            return;
        }
        Optional<ValidationFailure> failure = validator.validate(inv.route().pathParameters(), inv.query().all(),
                inv.request().headers().grouped(), inv.request().headers().first("Content-Type"), inv.request().body());
        if (failure.isPresent()) {
            ValidationFailure f = failure.get();
            GatewayResponseType type = f.kind() == ValidationFailure.Kind.PARAMETERS
                    ? GatewayResponseType.BAD_REQUEST_PARAMETERS : GatewayResponseType.BAD_REQUEST_BODY;
            boolean details = f.validationErrorString() != null && !f.validationErrorString().equals(f.message());
            throw GatewayException.of(type, f.message()).validationErrors(f.validationErrorString())
                    .because(details ? f.message() + ": " + f.validationErrorString() : f.message());
        }
    }
}
