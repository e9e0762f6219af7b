// Contract: what React's own client writes for a server-action call, the screening in
// action-format.ts reads as it is meant to (and lets through). The client is the one Next.js ships and
// runs in the browser; the no-JavaScript form fields are the ones React DOM renders for a form whose
// action is a server action. If an upgrade changes the format, these fail; a new version number alone
// changes nothing here.
import { createRequire } from 'node:module';
import { createElement } from 'react';
import { renderToReadableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { REACT_CLIENT_OF_NEXT, isFormActionPost, wellFormedFormAction, wellFormedMultipartCall, wellFormedTextCall } from './action-format';

type ServerReference = ((...args: unknown[]) => Promise<unknown>) & { bind: (self: null, ...args: unknown[]) => ServerReference };
const client = createRequire(import.meta.url)(REACT_CLIENT_OF_NEXT) as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
  createServerReference: (id: string, call: (id: string, args: unknown[]) => Promise<unknown>) => ServerReference;
};
const ID = '7f'.repeat(21); // Next.js's action ids: 42 hex digits
const reference = () => client.createServerReference(ID, async () => undefined);

/** The fields a browser without JavaScript posts for this element tree (hidden inputs, the pressed button's name). */
async function postedFields(element: Parameters<typeof renderToReadableStream>[0], fields: [string, string][] = []): Promise<FormData> {
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  const html = await new Response(stream).text();
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const form = new FormData();
  for (const m of html.matchAll(/<(input|button)\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[2])?.[1];
    if (!name || (m[1] === 'input' && !/\btype="hidden"/.test(m[2]))) continue;
    form.append(unescape(name), unescape(/\bvalue="([^"]*)"/.exec(m[2])?.[1] ?? ''));
  }
  for (const [k, v] of fields) form.append(k, v);
  return form;
}

const without = (form: FormData, drop: (k: string) => boolean) => {
  const out = new FormData();
  for (const [k, v] of form) if (!drop(k)) out.append(k, v);
  return out;
};

describe('contract: calls from JavaScript, as React’s client encodes them (encodeReply)', () => {
  it('plain arguments are one JSON array, and every value React escapes is one the screening accepts', async () => {
    const body = await client.encodeReply([{ candidateId: 1, value: 5 }, { text: '$not a reference', none: undefined, nan: NaN, inf: Infinity, ninf: -Infinity, nzero: -0, at: new Date(0) }]);
    expect(typeof body).toBe('string');
    expect(wellFormedTextCall(body as string)).toBe(true);
  });

  it('a FormData argument goes as multipart: the model in "0" refers to the form’s fields, and the screening follows that reference', async () => {
    const fd = new FormData();
    fd.append('displayName', 'Nadia');
    fd.append('latinName', 'Nadia');
    const body = await client.encodeReply([fd, { keep: true }]);
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect(wellFormedMultipartCall(form)).toBe(true);
    // Without its model it is no call.
    expect(wellFormedMultipartCall(without(form, (k) => k === '0'))).toBe(false);
  });

  it('a form with no named fields (useActionState’s dispatch: previous state, form) is a reference and no field, and passes', async () => {
    const body = await client.encodeReply([null, new FormData()]);
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect([...form.keys()]).toEqual(['0']);
    expect(form.get('0')).toMatch(/"\$K[0-9a-f]+"/);
    expect(wellFormedMultipartCall(form)).toBe(true);
    // The same reference in a text body is none React's client writes (a FormData argument makes the body multipart).
    expect(wellFormedTextCall(form.get('0') as string)).toBe(false);
  });
});

describe('contract: forms posted without JavaScript, as React DOM renders a server action', () => {
  it('an unbound action: recognised as an action call and let through', async () => {
    const form = await postedFields(createElement('form', { action: reference() }, createElement('input', { name: 'name' })), [['name', 'x']]);
    expect(isFormActionPost(form)).toBe(true);
    expect(wellFormedFormAction(form)).toBe(true);
  });

  it('a bound action and a button with its own bound action: the descriptors and bound arguments are where the screening reads them', async () => {
    const action = reference().bind(null, 5, { film: '$not a reference', none: undefined });
    const button = createElement('button', { formAction: reference().bind(null, 7) });
    const form = await postedFields(createElement('form', { action }, button));
    expect(isFormActionPost(form)).toBe(true);
    expect(wellFormedFormAction(form)).toBe(true);
    expect([...form.keys()].filter((k) => k.startsWith('$ACTION_REF_'))).toHaveLength(2);
    // Drop the bound arguments: the descriptor's reference then points at nothing, and the screening sees it.
    const descriptors = [...form.keys()].filter((k) => /^\$ACTION_.+:0$/.test(k));
    expect(descriptors).toHaveLength(2);
    expect(wellFormedFormAction(without(form, (k) => k.startsWith('$ACTION_') && !k.startsWith('$ACTION_REF_') && !k.endsWith(':0')))).toBe(false);
  });

  it('a form that is no action call is not one', async () => {
    const form = await postedFields(createElement('form', { action: '/login', method: 'post' }, createElement('input', { type: 'hidden', name: 'csrfToken', value: 't' })));
    expect(isFormActionPost(form)).toBe(false);
  });
});

describe('screening: what React’s decoder would mishandle is refused', () => {
  const multipart = (entries: [string, string][]) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return fd;
  };
  it('JavaScript calls: broken JSON, not an array, unknown references, absurd nesting, a multipart body without its model', () => {
    for (const body of ['[{"a":', '{"a":1}', '["$Q2"]', '["$@1"]', '[{"$x":1}]', '["$K1"]', '['.repeat(100) + ']'.repeat(100)]) expect(wellFormedTextCall(body), body.slice(0, 20)).toBe(false);
    for (const entries of [[['_1_x', 'v']], [['0', '["$Q1"]'], ['_1_x', 'v']], [['0', '["$Kx"]']], [['0', '{"a":"$K1"}']]] as [string, string][][]) {
      expect(wellFormedMultipartCall(multipart(entries)), JSON.stringify(entries)).toBe(false);
    }
  });

  it('no-JavaScript forms: broken descriptors, dangling bound arguments, more than two references, odd ids', () => {
    const bad: [string, string][][] = [
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":"$@2"}`], ['$ACTION_1:1', '[]']],
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":"$@1"}`], ['$ACTION_1:1', '["$Q2"]']],
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":']],
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","extra":1}`]],
      [['$ACTION_REF_1', '']],
      [['$ACTION_REF_1', ''], ['$ACTION_REF_2', ''], ['$ACTION_REF_3', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":null}`]],
      [['$ACTION_ID_../../x', '']],
    ];
    for (const entries of bad) expect(wellFormedFormAction(multipart(entries)), JSON.stringify(entries).slice(0, 80)).toBe(false);
  });
});
