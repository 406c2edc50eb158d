import { initialCatalog, type Catalog } from '@chorus/domain';
import { UnreadableImport } from '../import-plan';
import { planFromCsv } from './csv';

const catalog: Catalog = {
  ...initialCatalog(),
  boards: [
    ...initialCatalog().boards,
    {
      id: 'mobile',
      name: 'Mobile app',
      visibility: 'public',
      requiresApproval: false,
      categories: [],
    },
  ],
  tags: [
    { id: 'bug', name: 'Bug', colour: '#dc2626' },
    { id: 'reporting', name: 'Reporting', colour: '#2563eb' },
  ],
};

describe('reading a feedback CSV', () => {
  it('plans rows against the workspace’s boards, tags and statuses, by id or name', () => {
    const plan = planFromCsv(
      'feedback',
      [
        'externalId,title,description,board,tags,status,authorExternalId,authorEmail,authorName,createdAt',
        'fb-1,Export to CSV,Monthly report,general,Bug; reporting,Planned,cust-1,Ann@Example.com,Ann,2024-03-01',
        'fb-2,Offline mode,,Mobile app,,,,,,',
        'fb-3,Dark mode,,,,,,ben@example.com,Ben,2024-03-02T10:00:00Z',
      ].join('\n'),
      catalog,
    );
    expect(plan.errors).toEqual([]);
    expect(
      plan.feedback.map((f) => [f.key, f.board, f.tags, f.status, f.authorExternalId]),
    ).toEqual([
      ['fb-1', 'general', ['bug', 'reporting'], 'planned', 'cust-1'],
      ['fb-2', 'mobile', [], null, null],
      ['fb-3', 'general', [], null, 'ben@example.com'],
    ]);
    expect(plan.feedback[0]?.createdAt).toBe('2024-03-01T00:00:00.000Z');
    expect(plan.customers.map((c) => [c.externalId, c.email, c.name])).toEqual([
      ['cust-1', 'ann@example.com', 'Ann'],
      ['ben@example.com', 'ben@example.com', 'Ben'],
    ]);
  });

  it('reports each broken row by row and column, and keeps the others', () => {
    const plan = planFromCsv(
      'feedback',
      [
        'externalId,title,board,tags,status,authorEmail,createdAt',
        'a,Fine row,general,,,,',
        'b,No,general,,,,', // title too short
        'c,Unknown board,roadmap,,,,',
        'd,Unknown tag,general,bug;nope,,,',
        'e,Unknown status,general,,shipped,,',
        'f,Bad email,general,,,not-an-email,',
        'g,Bad date,general,,,,yesterday',
        'a,Duplicate id,general,,,,',
        'h,Too few cells',
      ].join('\n'),
      catalog,
    );
    expect(plan.feedback.map((f) => f.key)).toEqual(['a']);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'title'],
      [3, 'board'],
      [4, 'tags'],
      [5, 'status'],
      [6, 'authorEmail'],
      [7, 'createdAt'],
      [8, 'externalId'],
      [9, null],
    ]);
    expect(plan.errors[1]?.message).toBe(
      'There is no board "roadmap"; the boards are general, mobile.',
    );
  });

  it('fails the whole file when its header cannot be read', () => {
    expect(() => planFromCsv('feedback', 'title\nOnly a title\n', catalog)).toThrow(
      'The column "externalId" is required.',
    );
    expect(() => planFromCsv('feedback', 'externalId,title,colour\n', catalog)).toThrow(
      UnreadableImport,
    );
  });
});

describe('reading a votes CSV', () => {
  it('plans votes on imported or existing feedback, by voter id or email', () => {
    const plan = planFromCsv(
      'votes',
      [
        'feedbackExternalId,feedbackId,voterExternalId,voterEmail,voterName,createdAt',
        'fb-1,,cust-1,,,2024-03-05',
        ',4f9b2a56-1c1d-4a55-9d0e-0b7a8c5f3e21,,zoe@example.com,Zoe,',
        'fb-1,,cust-1,,,', // the same ballot again
        ',,cust-2,,,', // names no feedback
        'fb-2,,,,,', // names no voter
        'fb-2,,cust-3,bad-email,,',
      ].join('\n'),
      catalog,
    );
    expect(plan.votes.map((v) => [v.feedback, v.voterExternalId])).toEqual([
      [{ key: 'fb-1' }, 'cust-1'],
      [{ id: '4f9b2a56-1c1d-4a55-9d0e-0b7a8c5f3e21' }, 'zoe@example.com'],
    ]);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [3, null],
      [4, 'feedbackExternalId'],
      [5, 'voterExternalId'],
      [6, 'voterEmail'],
    ]);
  });

  it('needs a column naming the feedback and one naming the voter', () => {
    expect(() => planFromCsv('votes', 'voterEmail\na@b.example\n', catalog)).toThrow(
      'A votes file needs a feedbackExternalId or a feedbackId column.',
    );
  });
});

describe('reading customers and companies CSVs', () => {
  it('reads them as the customers API’s own import does', () => {
    const companies = planFromCsv(
      'companies',
      'externalId,name,mrr,domain\nco-1,Acme,1234.50,acme.example\nco-2,Bad,-1,\n',
      catalog,
    );
    expect(companies.companies.map((c) => [c.externalId, c.mrrCents])).toEqual([['co-1', 123_450]]);
    expect(companies.errors).toEqual([
      { part: null, row: 2, field: 'mrr', message: 'MRR cannot be negative.' },
    ]);
    const customers = planFromCsv(
      'customers',
      'externalId,email,name,companyExternalId\nu-1,u1@example.com,Una,co-1\nu-2,nope,,\n',
      catalog,
    );
    expect(customers.customers.map((c) => [c.externalId, c.companyExternalId])).toEqual([
      ['u-1', 'co-1'],
    ]);
    expect(customers.errors.map((e) => [e.row, e.field])).toEqual([[2, 'email']]);
    expect(() => planFromCsv('customers', 'email\nx@y.example\n', catalog)).toThrow(
      'The column "externalId" is required.',
    );
  });
});
