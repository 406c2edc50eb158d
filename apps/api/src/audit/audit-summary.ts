/**
 * Event types read as sentences once split into words: `FeedbackStatusChanged` is a subject
 * (`Feedback status`) and a verb in the past (`Changed`). The few verbs that do not end in -ed
 * are listed; a type without a verb reads as its words.
 */
const irregularVerbs: Readonly<Record<string, string>> = {
  Cast: 'cast',
  Read: 'read',
  Set: 'set',
  Withdrawn: 'withdrew',
  Written: 'wrote',
};

const wordsOf = (type: string): string[] => type.match(/[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [type];

const isVerb = (word: string): boolean => word in irregularVerbs || /[a-z]ed$/.test(word);

/** `FeedbackStatusChanged` → `Feedback status changed`: how a filter lists the type. */
export const eventTypeLabel = (type: string): string => {
  const sentence = wordsOf(type)
    .map((word) => word.toLowerCase())
    .join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};

/**
 * What happened, in a few words: the verb first, then what it was done to, without the
 * resource's own name when the entry already shows it (`FeedbackStatusChanged` on feedback →
 * `changed status`) unless nothing else would be left (`FeedbackSubmitted` → `submitted feedback`).
 */
export const summarise = (type: string, resourceName: string): string => {
  const words = wordsOf(type);
  const verbAt = words.findIndex(isVerb);
  if (verbAt < 0) return words.map((word) => word.toLowerCase()).join(' ');
  const verbWord = words[verbAt]!;
  const verb = irregularVerbs[verbWord] ?? verbWord.toLowerCase();
  const object = words.filter((_, index) => index !== verbAt).map((word) => word.toLowerCase());
  const name = resourceName.toLowerCase().split(' ');
  const namesResource = name.every((word, index) => object[index] === word);
  const rest = namesResource && object.length > name.length ? object.slice(name.length) : object;
  return [verb, ...rest].join(' ');
};
