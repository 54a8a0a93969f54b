// ID card readers (身份证阅读器) at the hall's counter, behind one small interface. A keyboard-wedge
// reader "types" the 18-character number followed by Enter into whatever has focus, faster than a
// person: `keyboardWedgeReader` listens on the page and hands over such bursts, wherever the focus
// is. A reader with its own driver (a local service, WebSerial, WebHID) implements the same
// interface and the counter page does not change.

export interface IdCardReader {
  /** Calls `onRead` with each ID number read; returns the function that stops listening. */
  start(onRead: (idNumber: string) => void): () => void;
}

const ID = /^\d{17}[\dXx]$/;
/** Keys arriving further apart than this are a person typing, not a reader (readers: a few ms). */
const MAX_GAP_MS = 100;

export const keyboardWedgeReader = (
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): IdCardReader => ({
  start(onRead) {
    let buffer = '';
    let last = 0;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      const now = k.timeStamp || performance.now();
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (k.key === 'Enter') {
        if (ID.test(buffer)) onRead(buffer.toUpperCase());
        buffer = '';
      } else if (k.key.length === 1) buffer = (buffer + k.key).slice(-18);
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  },
});
