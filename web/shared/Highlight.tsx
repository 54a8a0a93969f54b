// A search hit's highlight as React text and <mark> elements, so nothing in it can become markup
// even if the server got the escaping wrong.
import { highlightParts } from './marks.ts';

export function Highlight({ text }: { text: string }) {
  return (
    <span className="xf-highlight">
      {highlightParts(text).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>,
      )}
    </span>
  );
}
