/** The one size scale every sized component (Button, Spinner, VoteButton) takes its `size` from. */
export type Size = 'sm' | 'md' | 'lg';
