// POST /notes -- a callback-style handler: (event, context, callback).
const store = require('./lib/store');
const respond = require('./lib/respond');

const MAX_TITLE_LENGTH = Number(process.env.MAX_TITLE_LENGTH || 100);

/** The new note's fields, or a string saying what is wrong with the body. */
function parse(body) {
  if (body === null || body === undefined || body === '') {
    return 'Request body must be a JSON object with a title';
  }
  let input;
  try {
    input = JSON.parse(body);
  } catch (e) {
    return 'Request body is not valid JSON';
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return 'Request body must be a JSON object with a title';
  }
  const { title, tags = [] } = input;
  if (typeof title !== 'string' || title.trim() === '') {
    return 'title must be a non-empty string';
  }
  if (title.length > MAX_TITLE_LENGTH) {
    return `title must be at most ${MAX_TITLE_LENGTH} characters`;
  }
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    return 'tags must be an array of strings';
  }
  return { title, tags };
}

exports.handler = function (event, context, callback) {
  const fields = parse(event.body);
  if (typeof fields === 'string') {
    console.log('rejected note:', fields);
    callback(null, respond.error(400, fields));
    return;
  }
  const note = store.add(fields);
  console.log('created note %d in stage %s by %s', note.id, event.requestContext.stage, context.functionName);
  callback(null, respond.json(201, note, { Location: `/${event.requestContext.stage}/notes/${note.id}` }));
};
