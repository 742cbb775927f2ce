package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.List;

/** RequestHandler&lt;List&lt;Integer&gt;, List&lt;String&gt;&gt;: generic collections both ways. */
public class ListHandler implements RequestHandler<List<Integer>, List<String>> {
    @Override
    public List<String> handleRequest(List<Integer> input, Context context) {
        return input.stream().map(n -> "n" + (n + 1)).toList();
    }
}
