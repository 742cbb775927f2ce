// An async handler: answers when its promise settles.
const { greet } = require('./lib/greeting');

let invocations = 0; // module state lives as long as the execution environment
const coldStartedAt = Date.now();

exports.handler = async (event, context) => {
  invocations++;
  console.log('event path', event.path, { invocations });
  await new Promise((resolve) => setTimeout(resolve, 5));
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: greet(event.queryStringParameters && event.queryStringParameters.name || 'world'),
      invocations,
      coldStartedAt,
      requestId: context.awsRequestId,
      functionName: context.functionName,
      memoryLimitInMB: context.memoryLimitInMB,
      remaining: context.getRemainingTimeInMillis(),
      arn: context.invokedFunctionArn,
      color: process.env.COLOR || null,
      executionEnv: process.env.AWS_EXECUTION_ENV,
      home: process.env.HOME || null,
    }),
  };
};

exports.nested = { handler: async () => ({ statusCode: 204 }) };
exports.notAFunction = 42;
