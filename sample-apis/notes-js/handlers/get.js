// GET /notes/{noteId} -- an async handler.
const store = require('./lib/store');
const respond = require('./lib/respond');

exports.handler = async (event) => {
  const noteId = event.pathParameters.noteId;
  const note = store.find(noteId);
  return note ? respond.json(200, note) : respond.error(404, `Note ${noteId} not found`);
};
