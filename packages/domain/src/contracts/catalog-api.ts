import type { Catalog } from '../catalog/catalog';

// GET /api/v1/catalog returns the Catalog; settings endpoints change one part of it each.

export type CatalogView = Catalog & { version: number };
export type CreateBoardInput = {
  id: string;
  name: string;
  visibility?: 'public' | 'private';
  requiresApproval?: boolean;
};
export type UpdateBoardInput = Partial<Omit<CreateBoardInput, 'id'>>;
export type CreateCategoryInput = { id: string; name: string };
export type RenameCategoryInput = { name: string };
export type CreateTagInput = { id: string; name: string; colour: string };
export type UpdateTagInput = Partial<Omit<CreateTagInput, 'id'>>;
export type CreateStatusInput = {
  id: string;
  name: string;
  colour: string;
  kind: 'open' | 'active' | 'done' | 'closed';
};
export type UpdateStatusInput = { name?: string; colour?: string; transitions?: string[] };
