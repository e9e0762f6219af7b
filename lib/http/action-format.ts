// The wire format of server-action calls (React's "reply" encoding, as Next.js hands it to React's
// decoder), for the proxy's screening (proxy.ts) and for the action machinery, which reads a posted
// form's own fields without React's (ownFields, lib/server/action.ts). This is the only module that knows it; the contract
// test beside it (action-format.test.ts) checks it against what React's own client writes, so an upgrade
// fails there only if the format really changed, never on a version number.
//
// What Next.js already checks for every action request, and why we still screen before it
// (https://nextjs.org/docs/app/api-reference/config/next-config-js/serverActions):
// - Origin: it compares the Origin header's host with X-Forwarded-Host / Host (plus `allowedOrigins`)
//   and refuses a mismatch, so CSRF is Next's check, not ours. But it refuses a JavaScript call with a
//   500 (and a no-JS form with its not-found page). proxy.ts makes the same comparison first, only to
//   answer 403: nothing of ours answers a 500.
// - Size: it caps the body at `bodySizeLimit` (1 MB by default) with a 413 error, which again reaches
//   a JavaScript caller as a 500. proxy.ts refuses over 1 MB with 413 first, for the same reason.
// - Unknown action ids: Next answers 404 itself; nothing to add.
// What Next.js does not check, and this module does: the call's body. React's decoder answers a broken
// body (bad JSON, a truncated multipart, a reference to a chunk that is not there, nesting deep enough
// to overflow the stack) with an exception, which Next turns into a 500. (A FormData reference that
// points at no field is no such case: it is how React's client writes a form with no named fields, and
// the decoder reads it as an empty form, which the action refuses or takes as it would any input.)
// Screening is hygiene, not the security boundary: every action still validates its input.
//
// The format, for a call from JavaScript (header Next-Action):
// - text/plain body: the arguments as one JSON array (the "model");
// - multipart body: field "0" is that model; a FormData argument is written as "$K<ref>" in the model,
//   its fields as "_<ref>_<name>" (none at all for a form without named fields). React's server reads
//   "$K<ref>" as the fields whose names start "_<ref>_", comparing the text as it is.
// - Strings starting with "$" are references or escapes; the ones that decode to plain values on their
//   own: "$$…" (an escaped "$"), "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$D<date>".
// And for a form posted without JavaScript (no header, multipart, any page):
// - "$ACTION_ID_<id>": an unbound action, called with the form's other fields;
// - "$ACTION_REF_<p>" with the descriptor "$ACTION_<p>:0" = {"id":"<id>","bound":null|"$@<n>"} and the
//   bound arguments as the JSON model "$ACTION_<p>:<n>" (decoded recursively, as above). Next.js itself
//   takes at most two references (a form's and its submitting button's).

const MAX_DEPTH = 32;
const MAX_ARGS = 20;
const SAFE_DOLLAR = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D)/;

/**
 * Where Next.js ships the React client that writes this format (the contract test encodes calls with
 * it). A path inside Next's package: only this module names it.
 */
export const REACT_CLIENT_OF_NEXT = 'next/dist/compiled/react-server-dom-turbopack/client.node.js';

/** Every string of a decoded model is plain, or (in a multipart call) a reference to a FormData argument. */
function wellFormed(v: unknown, depth: number, forms: boolean): boolean {
  if (depth > MAX_DEPTH) return false;
  // "$K<ref>" is a FormData argument: its fields are the ones named "_<ref>_…", none for an empty form.
  if (typeof v === 'string') return !v.startsWith('$') || SAFE_DOLLAR.test(v) || (forms && /^\$K[0-9a-f]+$/.test(v));
  if (Array.isArray(v)) return v.every((x) => wellFormed(x, depth + 1, forms));
  if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => !k.startsWith('$') && wellFormed(x, depth + 1, forms));
  return true;
}

function wellFormedModel(text: string, forms: boolean): boolean {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(model) && model.length <= MAX_ARGS && wellFormed(model, 0, forms);
}

/** A JavaScript call's text body (the arguments as JSON) is one React's decoder reads as plain values. */
export function wellFormedTextCall(text: string): boolean {
  // React's client writes a FormData argument only in a multipart body.
  return wellFormedModel(text, false);
}

/** A JavaScript call's multipart body: a model in field "0", whose FormData arguments are the form's other fields. */
export function wellFormedMultipartCall(form: FormData): boolean {
  const root = form.get('0');
  return typeof root === 'string' && wellFormedModel(root, true);
}

/** Whether a posted form's field is one React adds to say which action the form posts to ("$ACTION_…"). */
export function isReactField(name: string): boolean {
  return name.startsWith('$ACTION');
}

/** A posted form's own fields, without React's: what the action's input is read from (lib/server/action.ts). */
export function ownFields(form: FormData): [string, FormDataEntryValue][] {
  return [...form.entries()].filter(([k]) => !isReactField(k));
}

/** A form posted without the Next-Action header is an action call only if it carries these fields. */
export function isFormActionPost(form: FormData): boolean {
  return [...form.keys()].some(isReactField);
}

/** A no-JavaScript form action: well-formed references, descriptors and bound arguments. */
export function wellFormedFormAction(form: FormData): boolean {
  const refs = [...form.keys()].filter((k) => k.startsWith('$ACTION_REF_'));
  if (refs.length > 2) return false;
  for (const ref of refs) {
    const prefix = `$ACTION_${ref.slice('$ACTION_REF_'.length)}:`;
    const descriptors = form.getAll(`${prefix}0`);
    if (descriptors.length !== 1 || typeof descriptors[0] !== 'string') return false;
    let d: unknown;
    try {
      d = JSON.parse(descriptors[0]);
    } catch {
      return false;
    }
    if (!d || typeof d !== 'object' || Object.keys(d).some((k) => k !== 'id' && k !== 'bound')) return false;
    const { id, bound } = d as { id?: unknown; bound?: unknown };
    if (typeof id !== 'string' || !/^[0-9a-f]{1,64}$/.test(id)) return false;
    if (bound === null || bound === undefined) continue;
    const m = typeof bound === 'string' ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    const args = m ? form.get(prefix + parseInt(m[1], 16)) : null;
    if (typeof args !== 'string' || !wellFormedModel(args, false)) return false;
  }
  for (const k of form.keys()) {
    if (k.startsWith('$ACTION_ID_') && !/^\$ACTION_ID_[0-9a-f]{1,64}$/.test(k)) return false;
  }
  return true;
}
