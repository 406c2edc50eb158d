import { defaultStatuses } from '@chorus/domain';
import { statusPath } from './status-path';

describe('the path an imported status takes through the workflow', () => {
  it('replays the fewest moves the default workflow allows', () => {
    expect(statusPath(defaultStatuses, 'open', 'done')).toEqual(['planned', 'in_progress', 'done']);
    expect(statusPath(defaultStatuses, 'open', 'declined')).toEqual(['declined']);
    expect(statusPath(defaultStatuses, 'open', 'open')).toEqual([]);
  });

  it('says when a status cannot be reached, or does not exist', () => {
    expect(statusPath(defaultStatuses, 'done', 'open')).toBeNull();
    expect(statusPath(defaultStatuses, 'open', 'shipped')).toBeNull();
  });
});
