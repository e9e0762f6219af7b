// What the slips page sends to issue sign-in slips: the action replaces every juror's password, so
// it acts only on this explicit word, never on an empty or malformed call (React's server turns
// some malformed bodies into a call without arguments).
export const ISSUE_SLIPS = 'issue-slips';
