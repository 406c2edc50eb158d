import { createWorkerLogger } from './logger';

const logged = (log: (logger: ReturnType<typeof createWorkerLogger>) => void) => {
  const lines: string[] = [];
  log(createWorkerLogger('info', { write: (line: string) => lines.push(line) }));
  return lines.join('');
};

describe('the worker logger', () => {
  it('censors SQL parameters of a failed query', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      query: 'INSERT INTO customers (email) VALUES ($1)',
      parameters: ['ann@alpha.example'],
    });
    const line = logged((logger) =>
      logger.error({ err: error, projection: 'customers' }, 'failed'),
    );
    expect(line).toContain('INSERT INTO customers');
    expect(line).toContain('"parameters":"[redacted]"');
    expect(line).not.toContain('ann@alpha.example');
  });

  it('scrubs passwords from connection strings in error messages and stacks', () => {
    const error = new Error(
      'could not connect to postgres://chorus:s3cret-pass@db.internal:5432/chorus',
    );
    const line = logged((logger) => logger.fatal({ err: error }, 'worker failed to start'));
    expect(line).toContain('postgres://chorus:[redacted]@db.internal:5432/chorus');
    expect(line).not.toContain('s3cret-pass');
  });

  it('censors a password or connection string logged as a field', () => {
    const line = logged((logger) =>
      logger.info({ config: { databaseUrl: 'postgres://u:p@h/db', password: 'hunter2' } }, 'x'),
    );
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('u:p@h');
  });
});
