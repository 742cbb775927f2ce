// The notes, in module state: one copy per execution environment, created on its cold start and
// kept while the environment stays warm, as a Lambda function's module-level variables are.
// Each function (ListNotes, GetNote, CreateNote) has its own environments, hence its own copy.
const notes = [
  { id: 1, title: 'Buy oat milk', tags: ['home'] },
  { id: 2, title: 'Review the release notes', tags: ['work'] },
  { id: 3, title: 'Book the dentist', tags: ['home', 'health'] },
];
let nextId = notes.length + 1;

const copy = (note) => ({ id: note.id, title: note.title, tags: note.tags.slice() });

/** Every note, or those carrying the tag. */
exports.list = (tag) => notes.filter((note) => tag === undefined || note.tags.includes(tag)).map(copy);

/** The note whose id is the decimal string `id`, or undefined. */
exports.find = (id) => {
  const note = /^[0-9]+$/.test(id) ? notes.find((n) => n.id === Number(id)) : undefined;
  return note && copy(note);
};

/** Stores a new note and returns it with its id. */
exports.add = ({ title, tags }) => {
  const note = { id: nextId++, title, tags: tags.slice() };
  notes.push(note);
  return copy(note);
};
