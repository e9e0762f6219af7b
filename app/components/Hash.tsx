// A hash (a receipt, the final tally's hash, the audit chain's head) that wraps only between fixed
// groups of 8 characters, never at a random place mid-string: a reader comparing it with a printout or
// a file reads it group by group. <wbr> adds no character, so a copied hash is the hash.
import { Fragment } from 'react';
import s from './hash.module.css';

export const HASH_GROUP = 8;

/** The groups a hash is shown in: a prefix such as "1234:" stays with the first group. */
export function hashGroups(value: string): string[] {
  const colon = value.lastIndexOf(':');
  const prefix = colon >= 0 ? value.slice(0, colon + 1) : '';
  const body = value.slice(prefix.length);
  const groups: string[] = [];
  for (let i = 0; i < body.length; i += HASH_GROUP) groups.push(body.slice(i, i + HASH_GROUP));
  if (prefix) groups.unshift(prefix);
  return groups;
}

export function Hash({ value, className }: { value: string; className?: string }) {
  return (
    <code className={`${s.hash}${className ? ` ${className}` : ''}`} data-hash>
      {hashGroups(value).map((g, i) => <Fragment key={i}>{i > 0 && <wbr />}{g}</Fragment>)}
    </code>
  );
}
