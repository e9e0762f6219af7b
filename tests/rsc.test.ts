// The RSC-stream reader of the tests (tests/rsc.ts), on replies of a real production build (Next.js
// 16 / React 19, captured over HTTP from `npm start`; the page re-render rows shortened) and on the
// parts of the format those replies do not happen to show. The end-to-end tests read every action's
// result through it from the running build, so a change of the format fails there too.
import { describe, expect, it } from 'vitest';
import { actionResult, rscRows } from './rsc';

// saveScore refused (the round is closed): the root row names the result as a promise in row 1.
const REFUSED =
  '0:{"a":"$@1","q":"","i":false,"b":"vO1nmUJWL3QWJxnrFbdR6"}\n' +
  '1:{"ok":false,"code":"ballot:round_closed","params":{},"message":"This round is not open for scoring."}\n';

// setLocale on /login: the cookie changed, so the page's tree comes along: hints without an id, import
// rows, stream markers, and the root after other rows.
const WITH_PAGE = [
  '2:"$Sreact.fragment"',
  '8:I[39756,["$5","$6","$7"],"default"]',
  ':HL["/_next/static/chunks/21i3105e1ghol.css","style",{"nonce":"qcl7kyLD0cBRk+K/ffLFElVD"}]',
  'a:X',
  '4:[["children",{"s":"login","d":{"r":["$","$2","c",{"children":[null,["$","$L8",null,{"parallelRouterKey":"children","error":"$undefined"}]]}]}}]]',
  '0:{"a":"$@1","q":"","i":false,"t":{"t":{"s":"","h":16,"d":{"r":["$","$2","c",{"children":[]}]}}},"b":"vO1nmUJWL3QWJxnrFbdR6"}',
  'a:C',
  '1:{"ok":true}',
  '3:["$","html",null,{"lang":"kk","children":"$L4"}]',
  '',
].join('\n');

describe('actionResult', () => {
  it("reads the action's return value from a build's reply", () => {
    expect(actionResult(REFUSED)).toEqual({ ok: false, code: 'ballot:round_closed', params: {}, message: 'This round is not open for scoring.' });
    expect(actionResult(WITH_PAGE)).toEqual({ ok: true });
    expect(actionResult(new TextEncoder().encode(WITH_PAGE))).toEqual({ ok: true });
  });

  it('follows references and decodes escapes inside the result', () => {
    const body =
      '0:{"a":"$@2"}\n' +
      '2:{"ok":true,"data":{"film":"$3","note":"$$5 off","none":"$undefined","at":"$D2026-01-02T03:04:05.000Z","n":"$n12"}}\n' +
      '3:{"title":"Тоғыз","ratio":"$-0"}\n';
    expect(actionResult(body)).toEqual({ ok: true, data: { film: { title: 'Тоғыз', ratio: -0 }, note: '$5 off', at: new Date('2026-01-02T03:04:05.000Z'), n: 12n } });
  });

  it('reads text rows by their byte length, newlines and multi-byte characters included', () => {
    const text = 'Жюри\nline two';
    const body = `5:T${Buffer.byteLength(text).toString(16)},${text}0:{"a":"$@1"}\n1:{"ok":true}\n`;
    const rows = rscRows(body);
    expect(rows.get(5)).toEqual({ json: false, text });
    expect(actionResult(body)).toEqual({ ok: true });
  });

  it('is undefined for what is no action reply: a refusal in plain text, a page, an error in place of the result', () => {
    expect(actionResult('Cross-origin server action refused.')).toBeUndefined();
    expect(actionResult('<!DOCTYPE html><html></html>')).toBeUndefined();
    expect(actionResult('')).toBeUndefined();
    expect(actionResult('0:{"a":"$@1","b":"x"}\n1:E{"digest":"123"}\n')).toBeUndefined();
    expect(actionResult('0:["$","html",null,{}]\n')).toBeUndefined();
  });
});
