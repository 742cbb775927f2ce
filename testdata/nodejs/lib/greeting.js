// Required by relative path from the handlers: CommonJS modules load once per environment.
let loads = 0;
loads++;
exports.greet = (name) => `hello ${name}`;
exports.loads = () => loads;
