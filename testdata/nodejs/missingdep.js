// Requires a module that is not there: Lambda fails the init with Runtime.ImportModuleError.
const missing = require('./not-installed');
exports.handler = async () => missing;
