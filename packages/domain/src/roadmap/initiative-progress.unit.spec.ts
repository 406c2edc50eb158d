import { progressByInitiative, type ProgressItem } from './initiative-progress';

const item = (id: string, over: Partial<ProgressItem> = {}): ProgressItem => ({
  id,
  kind: 'story',
  parentId: null,
  initiativeId: null,
  status: 'backlog',
  estimate: null,
  ...over,
});

describe('progressByInitiative', () => {
  it('counts stories and tasks toward their own, their story’s and their epic’s initiative', () => {
    const progress = progressByInitiative([
      item('epic', { kind: 'epic', initiativeId: 'sso', estimate: 40 }),
      item('story', { parentId: 'epic', estimate: 3, status: 'accepted' }),
      item('task', { kind: 'task', parentId: 'story', initiativeId: 'audit', estimate: 1 }),
      item('loose', { estimate: 8 }),
    ]);
    expect(progress.get('sso')).toEqual({
      itemCount: 2,
      doneItemCount: 1,
      points: 4,
      donePoints: 3,
      percent: 75,
    });
    expect(progress.get('audit')).toEqual({
      itemCount: 1,
      doneItemCount: 0,
      points: 1,
      donePoints: 0,
      percent: 0,
    });
    expect([...progress.keys()].sort()).toEqual(['audit', 'sso']);
  });

  it('counts an item once when its initiative is also its epic’s', () => {
    const progress = progressByInitiative([
      item('epic', { kind: 'epic', initiativeId: 'sso' }),
      item('story', { parentId: 'epic', initiativeId: 'sso', status: 'released' }),
    ]);
    expect(progress.get('sso')).toMatchObject({ itemCount: 1, doneItemCount: 1, percent: 100 });
  });

  it('sums decimal points as decimals', () => {
    const progress = progressByInitiative([
      item('a', { initiativeId: 'sso', estimate: 0.1, status: 'accepted' }),
      item('b', { initiativeId: 'sso', estimate: 0.2 }),
    ]);
    expect(progress.get('sso')).toMatchObject({ points: 0.3, donePoints: 0.1, percent: 33 });
  });
});
