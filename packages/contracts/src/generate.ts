/**
 * Writes `schemas/<cloudEventType>.json` for every published event type and schema version.
 *
 *   npm run build -w @chorus/contracts && npm run generate -w @chorus/contracts
 *
 * (`generate` runs prettier over the files afterwards.) Commit the result: the unit test fails
 * while the committed files differ from what the zod schemas generate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateSchemas, schemasDirectory, serializeSchema } from './schemas';

const main = (): void => {
  fs.mkdirSync(schemasDirectory, { recursive: true });
  const generated = generateSchemas();
  const expected = new Set(generated.map((g) => g.fileName));
  for (const file of fs.readdirSync(schemasDirectory)) {
    if (file.endsWith('.json') && !expected.has(file)) {
      fs.rmSync(path.join(schemasDirectory, file));
      console.log(`removed ${file} (no longer in chorusEvents: was that intended?)`);
    }
  }
  for (const g of generated) {
    fs.writeFileSync(path.join(schemasDirectory, g.fileName), serializeSchema(g.schema));
    console.log(`wrote schemas/${g.fileName}`);
  }
};

main();
