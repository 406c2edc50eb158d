import { parseImport } from './csv-rows';

describe('parsing an import', () => {
  it('turns currency amounts into whole cents without rounding errors', () => {
    const { valid, errors } = parseImport(
      'companies',
      'externalId,mrr\na,0.1\nb,1234.5\nc,19.99\nd,7\ne,1.005\nf,abc\n',
    );
    expect(valid.map((r) => r.input.mrrCents)).toEqual([10, 123_450, 1_999, 700]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [5, 'mrr'],
      [6, 'mrr'],
    ]);
  });

  it('leaves absent columns alone, clears nullable ones with an empty cell', () => {
    const { valid } = parseImport('customers', 'EXTERNALID, Email ,name\nu-1,,\n');
    expect(valid).toEqual([{ row: 1, input: { externalId: 'u-1', email: null } }]);
  });

  it('reads attr.<name> columns as typed custom attributes and names bad ones', () => {
    const { valid, errors } = parseImport(
      'companies',
      'externalId,attr.seats,attr.beta,attr.region,attr.bad-name\na,12,false,eu,\nb,,,,x\n',
    );
    expect(valid[0]?.input.attributes).toEqual({ seats: 12, beta: false, region: 'eu' });
    expect(errors).toEqual([
      { row: 2, field: 'attr.bad-name', message: 'Attribute names are letters, digits and _.' },
    ]);
  });

  it('reports rows with the wrong number of cells and refuses unreadable files', () => {
    const { errors } = parseImport('customers', 'externalId,name\nu-1\nu-2,Two,extra\n');
    expect(errors.map((e) => e.row)).toEqual([1, 2]);
    expect(() => parseImport('customers', 'externalId,name\n"u-1,Two\n')).toThrow();
    expect(() => parseImport('customers', '')).toThrow();
    expect(() => parseImport('customers', 'name\nx\n')).toThrow();
  });
});
