// What a refused form sent, given back with the refusal so that the page rendered after a post made
// without JavaScript shows the fields as they were typed (with JavaScript the browser keeps its own
// copy; see app/components/action-form). It travels in the page's RSC payload, so it is capped, and
// it never holds a secret: a spec's `secret` fields, and any field whose name says it is one, stay out.
import { ownFields } from '@/lib/http/action-format';

/** The most characters (names and values) a refusal gives back; fields past it come back empty. */
export const ECHO_MAX = 64 * 1024;

/** A field that is a secret by its name alone, whatever its spec says: never given back. */
const SECRET_NAME = /password|secret|token/i;

/**
 * The text fields of a posted form, as the page's fields take them back: the first value of each name
 * (as FormData.get reads it), no file (an upload is never given back), no secret, within ECHO_MAX.
 */
export function echoOf(raw: unknown, secret: readonly string[] = []): Record<string, string> | undefined {
  if (!(raw instanceof FormData)) return undefined;
  const out: Record<string, string> = {};
  let left = ECHO_MAX;
  for (const [name, value] of ownFields(raw)) {
    if (typeof value !== 'string' || Object.hasOwn(out, name) || secret.includes(name) || SECRET_NAME.test(name)) continue;
    const size = name.length + value.length;
    if (size > left) continue;
    left -= size;
    out[name] = value;
  }
  return out;
}
