package dev.gwemu.samples.petstore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;
import java.util.Optional;

/** GET /pets/{petId}: the pet, or 404 {"message":"Pet 42 not found"}. */
public class GetPet implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> pathParameters = request.getPathParameters();
        String petId = pathParameters == null ? null : pathParameters.get("petId");
        Optional<Pet> pet = parseId(petId).flatMap(PetStore::get);
        context.getLogger().log("GetPet petId=" + petId + " -> " + (pet.isPresent() ? "found" : "not found"));
        return pet.map(p -> Responses.json(200, p.toJson()))
                .orElseGet(() -> Responses.error(404, "Pet " + petId + " not found"));
    }

    private static Optional<Long> parseId(String petId) {
        try {
            return Optional.of(Long.parseLong(petId));
        } catch (NumberFormatException e) {   // also null: an id that cannot exist is simply not found
            return Optional.empty();
        }
    }
}
