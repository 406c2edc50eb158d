import { startTestApp, type TestApp } from '../../testing/test-app';
import type { CompanyDetail, CompanyView, CustomerView, UpsertResult } from '@chorus/domain';

describe('the company page', () => {
  let app: TestApp;
  let company: CompanyView;
  const people: Record<string, CustomerView> = {};

  beforeAll(async () => {
    app = await startTestApp();
    company = (
      await app.request<UpsertResult<CompanyView>>('PUT', '/api/v1/companies/hooli', {
        body: { name: 'Hooli', mrrCents: 500_000, plan: 'enterprise' },
      })
    ).body.item;
    await app.request('PUT', '/api/v1/companies/pied-piper', { body: { name: 'Pied Piper' } });
    for (const [externalId, companyExternalId] of [
      ['gavin', 'hooli'],
      ['denpok', 'hooli'],
      ['richard', 'pied-piper'],
    ]) {
      people[externalId!] = (
        await app.request<UpsertResult<CustomerView>>('PUT', `/api/v1/customers/${externalId}`, {
          body: { name: externalId, companyExternalId },
        })
      ).body.item;
    }
  });
  afterAll(() => app.close());

  const submitFor = async (customerExternalId: string, title: string) => {
    const response = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      body: { title, onBehalfOf: { customerExternalId, source: 'sales_call' } },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const voteFor = async (customerExternalId: string, feedbackId: string) => {
    const response = await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, {
      body: { onBehalfOf: { customerExternalId, source: 'sales_call' } },
    });
    expect(response.status).toBe(200);
  };

  it('shows its people, revenue and customer count', async () => {
    await app.settle();
    const page = await app.request<CompanyDetail>('GET', `/api/v1/companies/${company.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id: company.id,
      name: 'Hooli',
      mrrCents: 500_000,
      customerCount: 2,
      requested: [],
      votedOn: [],
    });
    expect(page.body.customers.map((c) => c.externalId)).toEqual(['denpok', 'gavin']);
  });

  it('lists what its people asked for and voted on, with who voted', async () => {
    const asked = await submitFor('gavin', 'Box appliance');
    const other = await submitFor('richard', 'Middle-out compression');
    await voteFor('gavin', other);
    await voteFor('denpok', other);
    await voteFor('richard', asked);
    await app.settle();
    const page = await app.request<CompanyDetail>('GET', `/api/v1/companies/${company.id}`);
    expect(page.body.requested).toEqual([
      expect.objectContaining({ id: asked, title: 'Box appliance', authorId: people.gavin!.id }),
    ]);
    const voted = page.body.votedOn.find((v) => v.id === other);
    expect(voted?.title).toBe('Middle-out compression');
    expect([...voted!.voterIds].sort()).toEqual([people.denpok!.id, people.gavin!.id].sort());
    expect(page.body.votedOn.map((v) => v.id)).not.toContain(asked);
  });
});
