/**
 * Putting a table on the clipboard as HTML (for Word) and plain text. Excel on the web runs
 * the pane in an iframe without clipboard-write permission, so navigator.clipboard.write is
 * refused there (OfficeDev/office-js#1991); document.execCommand("copy") with a copy-event
 * listener that sets both formats still works, so it is the fallback.
 */
import type { RichText } from "./copy-table";

export type ClipboardWriter = (content: RichText) => Promise<boolean>;

/** The copy-event route: works inside a user gesture where the async clipboard is refused. */
export function copyWithCommand(content: RichText, doc: Document = document): boolean {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData("text/html", content.html);
    event.clipboardData.setData("text/plain", content.text);
    event.preventDefault();
    written = true;
  };
  doc.addEventListener("copy", onCopy);
  try {
    // execCommand is deprecated but is the one route Office's web iframe allows.
    const accepted = doc.execCommand("copy");
    return accepted && written;
  } finally {
    doc.removeEventListener("copy", onCopy);
  }
}

/** The async clipboard where allowed, else the copy command; resolves whether either worked. */
export function browserClipboard(): ClipboardWriter {
  return async (content) => {
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      try {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([content.html], { type: "text/html" }),
            "text/plain": new Blob([content.text], { type: "text/plain" }),
          }),
        ]);
        return true;
      } catch {
        // Refused (no permission in Office's iframe): try the copy command below.
      }
    }
    return copyWithCommand(content);
  };
}
