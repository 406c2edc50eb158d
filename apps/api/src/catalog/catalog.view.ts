import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { BoardVisibility, StatusKindSchema, type Catalog, type CatalogView } from '@chorus/domain';

export const CatalogViewSchema = z.object({
  boards: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      visibility: BoardVisibility,
      requiresApproval: z.boolean(),
      categories: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  tags: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string() })),
  statuses: z.array(
    z.object({
      id: z.string().describe('Stable for ever: renaming a status never changes it'),
      name: z.string(),
      colour: z.string(),
      kind: StatusKindSchema,
      transitions: z.array(z.string()).describe('The statuses feedback in this one may move to'),
    }),
  ),
  version: z.number().int().describe('Send it back as If-Match to change the catalog safely'),
}) satisfies z.ZodType<CatalogView>;
export class CatalogViewDto extends createZodDto(CatalogViewSchema) {}

export const toCatalogView = (catalog: Catalog, version: number): CatalogView => ({
  boards: catalog.boards,
  tags: catalog.tags,
  statuses: catalog.statuses,
  version,
});
