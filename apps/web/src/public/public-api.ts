import type { ChangelogPage, PublicRoadmapView } from '@chorus/domain/client';
import { enc, getJson, query } from '../api/request';

// What a workspace shows to anyone: no token needed.

export const fetchPublicRoadmap = async (slug: string, signal?: AbortSignal) =>
  getJson<PublicRoadmapView>(`/public/${enc(slug)}/roadmap`, signal);

export const fetchPublicChangelog = async (
  slug: string,
  cursor: string | null,
  signal?: AbortSignal,
) => getJson<ChangelogPage>(`/public/${enc(slug)}/changelog${query({ cursor })}`, signal);
