import { digestScheduleFromEnv, dueDigestWeek } from './digest-schedule';

const monday8 = { weekday: 1, hour: 8 };

describe('the weekly digest schedule', () => {
  it('reports the week before, from its send time on', () => {
    expect(dueDigestWeek(new Date('2027-03-08T07:59:59.999Z'), monday8)).toBeNull();
    expect(dueDigestWeek(new Date('2027-03-08T08:00:00.000Z'), monday8)).toBe('2027-03-01');
    expect(dueDigestWeek(new Date('2027-03-14T23:59:59.999Z'), monday8)).toBe('2027-03-01');
    expect(dueDigestWeek(new Date('2027-03-15T08:00:00.000Z'), monday8)).toBe('2027-03-08');
  });

  it('waits for another weekday and hour when told, across a year', () => {
    const friday17 = { weekday: 5, hour: 17 };
    expect(dueDigestWeek(new Date('2027-01-01T16:00:00.000Z'), friday17)).toBeNull();
    expect(dueDigestWeek(new Date('2027-01-01T17:00:00.000Z'), friday17)).toBe('2026-12-21');
  });

  it('defaults to Monday 08:00 UTC and refuses days and hours that do not exist', () => {
    expect(digestScheduleFromEnv({})).toEqual(monday8);
    expect(digestScheduleFromEnv({ CHORUS_DIGEST_WEEKDAY: '5', CHORUS_DIGEST_HOUR: '17' })).toEqual(
      { weekday: 5, hour: 17 },
    );
    expect(() => digestScheduleFromEnv({ CHORUS_DIGEST_WEEKDAY: '8' })).toThrow(
      /1 \(Monday\) to 7/,
    );
    expect(() => digestScheduleFromEnv({ CHORUS_DIGEST_HOUR: '24' })).toThrow(/0 to 23/);
  });
});
