import { companyIdOf, customerIdOf } from './customer-ids';

describe('derived ids', () => {
  it('is a version 5 UUID, stable across releases', () => {
    // Pinned: a different id would orphan every stored customer's stream.
    expect(customerIdOf('0b6c1f7e-1111-4222-8333-944455556666', 'u-1')).toBe(
      'fbef5f18-d11f-56e0-bc93-e5e9af241834',
    );
  });

  it('gives one id per workspace, kind and trimmed external id', () => {
    const ws = '0b6c1f7e-1111-4222-8333-944455556666';
    expect(customerIdOf(ws, 'u-1')).toBe(customerIdOf(ws, ' u-1 '));
    expect(customerIdOf(ws, 'u-1')).not.toBe(companyIdOf(ws, 'u-1'));
    expect(customerIdOf(ws, 'u-1')).not.toBe(
      customerIdOf('0b6c1f7e-1111-4222-8333-944455556667', 'u-1'),
    );
  });
});
