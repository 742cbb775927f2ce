package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.ArrayList;
import java.util.List;

/** RequestHandler over a bean: tags the pet and gives it back. */
public class PetHandler implements RequestHandler<PetHandler.Pet, PetHandler.Pet> {
    @Override
    public Pet handleRequest(Pet pet, Context context) {
        Pet answer = new Pet();
        answer.setName(pet.getName() == null ? null : pet.getName().toUpperCase());
        List<String> tags = new ArrayList<>(pet.getTags() == null ? List.of() : pet.getTags());
        tags.add("seen");
        answer.setTags(tags);
        return answer;
    }

    public static class Pet {
        private String name;
        private String owner;
        private List<String> tags;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }
    }
}
