import { startTestApp, type TestApp } from '../../testing/test-app';
import type { ProblemDetails } from '../../platform/problem-details';
import type { CompanyPage, CustomerPage, ImportReport } from '@chorus/domain';

const companiesCsv = [
  'externalId,name,domain,plan,mrr,segment,attr.seats,attr.beta',
  'co-1,Alpha Corp,alpha.example,pro,1234.50,SMB,40,true', // 1 valid
  'co-2,Beta Ltd,not a domain,pro,10,,,', // 2 bad domain
  'co-3,Gamma GmbH,gamma.example,enterprise,-3,Enterprise,,', // 3 negative mrr
  'co-4,"Delta, Inc.",delta.example,,99.9,,12,', // 4 valid, quoted comma
  'co-1,Alpha again,,,,,,', // 5 duplicate of row 1
  ',Nameless,,,,,,', // 6 missing externalId
  'co-5,Epsilon,,,12.345,,,', // 7 three decimals
  'co-6,,,,,,,', // 8 valid: name defaults to the external id
].join('\n');

describe('CSV imports', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const importCsv = (kind: string, csv: string, query = '', token?: string) =>
    app.request<ImportReport>('POST', `/api/v1/imports/${kind}${query}`, {
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
      token,
    });
  const eventCount = async () =>
    (
      await app.db.dataSource.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM events`,
      )
    )[0].count;

  it('validates a dry run and appends nothing', async () => {
    const before = await eventCount();
    const report = await importCsv('companies', companiesCsv, '?dryRun=true');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ kind: 'companies', rows: 8, created: 3, updated: 0 });
    expect(report.body.errors).toHaveLength(5);
    expect(await eventCount()).toBe(before);
  });

  it('lands the valid rows and lists the invalid ones by row and column', async () => {
    const report = await importCsv('companies', companiesCsv);
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      kind: 'companies',
      rows: 8,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [
        { row: 2, field: 'domain', message: 'Domain must look like example.com.' },
        { row: 3, field: 'mrr', message: 'MRR cannot be negative.' },
        {
          row: 5,
          field: 'externalId',
          message: 'duplicate externalId in this file, first seen on row 1',
        },
        { row: 6, field: 'externalId', message: 'External id must not be empty.' },
        { row: 7, field: 'mrr', message: 'MRR must be an amount like 1234.50.' },
      ],
    });
    await app.settle();
    // By name in the database's collation.
    const page = await app.request<CompanyPage>('GET', '/api/v1/companies');
    expect(page.body.items).toEqual([
      expect.objectContaining({
        externalId: 'co-1',
        name: 'Alpha Corp',
        domain: 'alpha.example',
        plan: 'pro',
        mrrCents: 123_450,
        segment: 'SMB',
        attributes: { seats: 40, beta: true },
      }),
      expect.objectContaining({
        externalId: 'co-4',
        name: 'Delta, Inc.',
        mrrCents: 9_990,
        attributes: { seats: 12 },
      }),
      expect.objectContaining({ externalId: 'co-6', name: 'co-6', mrrCents: 0 }),
    ]);
  });

  it('reports every row unchanged when the same file runs again', async () => {
    const before = await eventCount();
    const report = await importCsv('companies', companiesCsv);
    expect(report.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(report.body.errors).toHaveLength(5);
    expect(await eventCount()).toBe(before);
  });

  it('imports customers of existing companies and refuses unknown ones', async () => {
    const csv = [
      'externalId,email,name,companyExternalId',
      'u-1,ann@alpha.example,Ann,co-1',
      'u-2,bob@nowhere.example,Bob,co-404',
      'u-3,not-an-email,Cid,co-4',
      'u-4,,Dee,',
    ].join('\r\n');
    const report = await importCsv('customers', `${csv}\r\n`);
    expect(report.body).toEqual({
      kind: 'customers',
      rows: 4,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          row: 2,
          field: 'companyExternalId',
          message: 'There is no company with external id "co-404". Create the company first.',
        },
        { row: 3, field: 'email', message: 'Email must be a valid address.' },
      ],
    });
    await app.settle();
    const customers = await app.request<CustomerPage>('GET', '/api/v1/customers');
    expect(customers.body.items.map((c) => [c.externalId, c.email, c.companyId !== null])).toEqual([
      ['u-1', 'ann@alpha.example', true],
      ['u-4', null, false],
    ]);
    const moved = await importCsv('customers', 'externalId,companyExternalId\nu-1,co-4\nu-4,\n');
    expect(moved.body).toMatchObject({ created: 0, updated: 1, unchanged: 1, errors: [] });
  });

  it('refuses bad files as a whole, by problem+json', async () => {
    const unknownColumn = await app.request<ProblemDetails>('POST', '/api/v1/imports/customers', {
      rawBody: 'externalId,emial\nu-9,x@y.example\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.errors?.[0]).toMatchObject({ field: 'header' });
    expect(unknownColumn.body.detail).toMatch(/emial/);
    const json = await app.request<ProblemDetails>('POST', '/api/v1/imports/customers', {
      body: [{ externalId: 'u-9' }],
    });
    expect(json.status).toBe(415);
    const huge = await importCsv('companies', `externalId,name\n${'x,y\n'.repeat(600_000)}`);
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/problem\+json/);
    const wrongKind = await importCsv('people', 'externalId\nx\n');
    expect(wrongKind.status).toBe(400);
    expect((await importCsv('companies', 'externalId\nx\n', '', app.tokens.customer)).status).toBe(
      403,
    );
  });

  it('documents the customer routes in OpenAPI', async () => {
    const document = await app.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
      { token: null },
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/companies',
        '/api/v1/companies/{id}',
        '/api/v1/companies/{externalId}',
        '/api/v1/customers',
        '/api/v1/customers/{externalId}',
        '/api/v1/imports/{kind}',
      ]),
    );
    expect(JSON.stringify(document.body.paths['/api/v1/imports/{kind}'])).toMatch(/text\/csv/);
  });
});
