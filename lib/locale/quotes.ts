// Quotation marks as each language nests them: a quoted name inside a quoted phrase takes the
// inner marks (Russian and Kazakh «… „…“ …», English and Chinese “… ‘…’ …”), never «…«…»».
// Messages put their own marks around a value ("Награды фестиваля «{festival}»"); when the value
// brings marks of its own (a festival or film called «…»), `nestQuotes` mends the sentence.

type Marks = { open: string; close: string; innerOpen: string; innerClose: string };

const GUILLEMETS: Marks = { open: '«', close: '»', innerOpen: '„', innerClose: '“' };
const CURLY: Marks = { open: '“', close: '”', innerOpen: '‘', innerClose: '’' };

function marksOf(locale: string): Marks {
  return locale === 'ru' || locale === 'kk' ? GUILLEMETS : CURLY;
}

/** `text` in the language's quotation marks; marks already inside it become the inner ones. */
export function quoted(locale: string, text: string): string {
  const m = marksOf(locale);
  return nestQuotes(locale, `${m.open}${text}${m.close}`);
}

/**
 * Outer marks met inside an open quotation become inner ones, and back when the quotation is left;
 * a third level takes the outer marks again, as typesetters do. A text whose marks do not balance is
 * left as it is.
 */
export function nestQuotes(locale: string, text: string): string {
  const m = marksOf(locale);
  // The inner marks count as quotation marks only where they cannot be something else: in English
  // and Chinese the closing inner mark is also the apostrophe, so there only the outer marks are read.
  const guillemets = m === GUILLEMETS;
  const opens = (ch: string) => ch === m.open || (guillemets && ch === m.innerOpen);
  const closes = (ch: string) => ch === m.close || (guillemets && ch === m.innerClose);
  const chars = [...text];
  // Only a text whose marks balance is rewritten: a stray mark would turn everything after it.
  let balance = 0;
  for (const ch of chars) {
    if (opens(ch)) balance += 1;
    else if (closes(ch) && --balance < 0) return text;
  }
  if (balance !== 0) return text;
  let depth = 0;
  return chars
    .map((ch) => {
      if (opens(ch)) return (depth++ % 2 === 0 ? m.open : m.innerOpen);
      if (closes(ch)) return (--depth % 2 === 0 ? m.close : m.innerClose);
      return ch;
    })
    .join('');
}
