// The documents, in module state: one copy per execution environment, created on its cold start and kept while
// the environment stays warm, as a Lambda function's module-level variables are. Each function has its own
// environments, hence its own copy (a real API would keep documents in a database).
//
// A document belongs to a team group ('everyone' is every signed-in member) and may be shared with partners
// (GET /partners/{partner}/docs) and tenants (GET /tenants/{tenant}/docs).
const docs = [
  { id: 1, title: 'Style guide', group: 'everyone', author: 'alice', partners: ['acme', 'globex'], tenants: ['initech', 'umbrella'] },
  { id: 2, title: 'Release checklist', group: 'editors', author: 'alice', partners: [], tenants: [] },
  { id: 3, title: 'Partner price list', group: 'sales', author: 'bob', partners: ['acme'], tenants: [] },
  { id: 4, title: 'Integration guide', group: 'everyone', author: 'bob', partners: ['acme', 'globex'], tenants: ['initech'] },
  { id: 5, title: 'Incident runbook', group: 'ops', author: 'dave', partners: [], tenants: ['umbrella'] },
];
let nextId = docs.length + 1;

const teamView = (doc) => ({ id: doc.id, title: doc.title, group: doc.group, author: doc.author });
const outsideView = (doc) => ({ id: doc.id, title: doc.title });

/** What a member of `groups` may read: the 'everyone' documents and those of their groups. */
exports.visibleTo = (groups) => docs.filter((d) => d.group === 'everyone' || groups.includes(d.group)).map(teamView);

/** The documents shared with a partner. */
exports.sharedWithPartner = (partner) => docs.filter((d) => d.partners.includes(partner)).map(outsideView);

/** The documents shared with a tenant. */
exports.sharedWithTenant = (tenant) => docs.filter((d) => d.tenants.includes(tenant)).map(outsideView);

/** Stores a new team document (shared with nobody outside) and returns it. */
exports.add = ({ title, group, author }) => {
  const doc = { id: nextId++, title, group, author, partners: [], tenants: [] };
  docs.push(doc);
  return teamView(doc);
};

/** How many documents there are, per group, and how many are shared outside the team. */
exports.stats = () => {
  const byGroup = {};
  docs.forEach((d) => { byGroup[d.group] = (byGroup[d.group] || 0) + 1; });
  return {
    documents: docs.length,
    byGroup,
    sharedWithPartners: docs.filter((d) => d.partners.length > 0).length,
    sharedWithTenants: docs.filter((d) => d.tenants.length > 0).length,
  };
};
