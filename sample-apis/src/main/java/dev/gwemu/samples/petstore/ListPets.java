package dev.gwemu.samples.petstore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** GET /pets[?type=dog]: the pets, optionally of one type, as a JSON array. */
public class ListPets implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> query = request.getQueryStringParameters();
        String type = query == null ? null : query.get("type");
        List<Pet> pets = PetStore.list(type);
        context.getLogger().log("ListPets type=" + type + " -> " + pets.size() + " pets");
        return Responses.json(200, pets.stream().map(Pet::toJson).collect(Collectors.joining(",", "[", "]")));
    }
}
