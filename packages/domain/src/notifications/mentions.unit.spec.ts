import { mentionedHandles } from './mentions';

describe('mentionedHandles', () => {
  it('finds each @handle once, lower-cased, sorted', () =>
    expect(mentionedHandles('@Tom can you look? cc @ada.lovelace and @tom again')).toEqual([
      'ada.lovelace',
      'tom',
    ]));

  it('leaves out the full stop after a handle, and takes one inside markdown', () =>
    expect(mentionedHandles('Thanks **@ada**. Over to @tom.')).toEqual(['ada', 'tom']));

  it('does not take an email address, or a lone @, for a mention', () =>
    expect(mentionedHandles('Write to tom@acme.test @ once')).toEqual([]));
});
