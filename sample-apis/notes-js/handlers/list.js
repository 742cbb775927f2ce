// GET /notes[?tag=home] -- an async handler.
const store = require('./lib/store');
const respond = require('./lib/respond');

exports.handler = async (event) => {
  const query = event.queryStringParameters || {}; // null when the URL has no query string
  const notes = store.list(query.tag);
  console.log('listing notes', { tag: query.tag || null, count: notes.length });
  const stageVariables = event.stageVariables || {}; // null in a stage without variables
  const headers = stageVariables.edition ? { 'X-Notes-Edition': stageVariables.edition } : {};
  return respond.json(200, notes, headers);
};
