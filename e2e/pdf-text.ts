// The pages of a PDF that Chromium printed, read with unpdf (PDF.js for servers): each page's text
// and its size in points. Used to check what a printed page really shows (page numbers, signature
// lines, the paper size).
import { extractText, getDocumentProxy } from 'unpdf';

export type PdfPage = { text: string; width: number; height: number };

/** Each page in document order: its text (whitespace collapsed) and its media box's width and height. */
export async function pdfPages(pdf: Buffer): Promise<PdfPage[]> {
  // A copy: PDF.js takes the bytes it is given over (detaches them).
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const { text } = await extractText(doc, { mergePages: false });
    return await Promise.all(
      text.map(async (t, i) => {
        const [x0, y0, x1, y1] = (await doc.getPage(i + 1)).view;
        return { text: t.replace(/\s+/g, ' ').trim(), width: x1 - x0, height: y1 - y0 };
      }),
    );
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** Each page's text, in document order. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  return (await pdfPages(pdf)).map((p) => p.text);
}
