/**
 * A small, strict XML 1.0 reader for the manifest test: enough of the language for an
 * Office add-in manifest (prolog, comments, elements, attributes, text, CDATA, the five
 * predefined entities and character references), and it refuses anything not well-formed
 * (mismatched or unclosed tags, duplicate or unquoted attributes, a bare "&" or "<", a
 * second root, a DOCTYPE). Errors name the line and column. Namespaces are not resolved:
 * names keep their prefix ("bt:Image"), which is what the test compares.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element, entities decoded. */
  text: string;
  line: number;
}

const NAME = /[A-Za-z_][\w.\-:]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    const before = source.slice(0, at).split("\n");
    throw new XmlError(
      `line ${before.length}, column ${before[before.length - 1].length + 1}: ${message}`
    );
  };
  const lineAt = (at: number): number => source.slice(0, at).split("\n").length;
  const startsWith = (s: string): boolean => source.startsWith(s, pos);
  const skipSpace = (): void => {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail("expected a name");
    pos += match![0].length;
    return match![0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole: string, ref: string) => {
      if (!whole.endsWith(";")) fail(`"&" must start an entity reference ending in ";"`, at);
      if (ref in ENTITIES) return ENTITIES[ref];
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!numeric) return fail(`unknown entity "&${ref};"`, at);
      return String.fromCodePoint(numeric[1] ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10));
    });
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (startsWith("<!--")) {
        const end = source.indexOf("-->", pos + 4);
        if (end < 0) fail("unclosed comment");
        if (source.slice(pos + 4, end).includes("--")) fail('"--" inside a comment');
        pos = end + 3;
      } else if (startsWith("<?")) {
        const end = source.indexOf("?>", pos);
        if (end < 0) fail("unclosed processing instruction");
        if (/^<\?xml[\s?]/i.test(source.slice(pos, pos + 6)))
          fail("XML declaration not at the start");
        pos = end + 2;
      } else if (startsWith("<!DOCTYPE")) {
        fail("DOCTYPE is not allowed in a manifest");
      } else {
        return;
      }
    }
  };

  const readElement = (): XmlElement => {
    const start = pos;
    if (source[pos] !== "<") fail('expected "<"');
    pos++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = /\s/.test(source[pos] ?? "");
      skipSpace();
      if (startsWith("/>")) {
        pos += 2;
        return { name, attributes, children: [], text: "", line: lineAt(start) };
      }
      if (startsWith(">")) {
        pos++;
        break;
      }
      if (!hadSpace) fail("expected white space before an attribute");
      const attrName = readName();
      skipSpace();
      if (source[pos] !== "=") fail(`attribute "${attrName}" has no "="`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute "${attrName}" is not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`attribute "${attrName}" is not closed`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes("<")) fail(`"<" in the value of attribute "${attrName}"`);
      if (attrName in attributes) fail(`duplicate attribute "${attrName}"`);
      attributes[attrName] = decode(raw, pos);
      pos = end + 1;
    }

    const element: XmlElement = { name, attributes, children: [], text: "", line: lineAt(start) };
    for (;;) {
      if (pos >= source.length) fail(`element <${name}> is not closed`, start);
      if (startsWith("</")) {
        pos += 2;
        const closing = readName();
        if (closing !== name)
          fail(`</${closing}> closes <${name}> (opened on line ${lineAt(start)})`);
        skipSpace();
        if (source[pos] !== ">") fail('expected ">"');
        pos++;
        return element;
      }
      if (startsWith("<!--")) {
        const end = source.indexOf("-->", pos + 4);
        if (end < 0) fail("unclosed comment");
        pos = end + 3;
      } else if (startsWith("<![CDATA[")) {
        const end = source.indexOf("]]>", pos);
        if (end < 0) fail("unclosed CDATA section");
        element.text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (startsWith("<?")) {
        const end = source.indexOf("?>", pos);
        if (end < 0) fail("unclosed processing instruction");
        pos = end + 2;
      } else if (source[pos] === "<") {
        element.children.push(readElement());
      } else {
        const next = source.indexOf("<", pos);
        const end = next < 0 ? source.length : next;
        const raw = source.slice(pos, end);
        if (raw.includes("]]>")) fail('"]]>" in text');
        element.text += decode(raw, pos);
        pos = end;
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (startsWith("<?xml")) {
    const end = source.indexOf("?>", pos);
    if (end < 0) fail("unclosed XML declaration");
    const declaration = source.slice(pos, end);
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]\1/.test(declaration))
      fail("XML declaration without a version");
    const encoding = /encoding\s*=\s*(["'])([^"']*)\1/.exec(declaration);
    if (encoding && encoding[2].toUpperCase() !== "UTF-8")
      fail(`encoding "${encoding[2]}" is not UTF-8`);
    pos = end + 2;
  }
  skipMisc();
  if (pos >= source.length) fail("no root element");
  const root = readElement();
  skipMisc();
  if (pos < source.length) fail("content after the root element");
  return root;
}

/** Every element in document order, the root first. */
export function descendants(root: XmlElement): XmlElement[] {
  const all: XmlElement[] = [];
  const walk = (element: XmlElement): void => {
    all.push(element);
    element.children.forEach(walk);
  };
  walk(root);
  return all;
}

/** The only child named `name`; throws when there is none or more than one. */
export function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length !== 1) {
    throw new XmlError(
      `<${parent.name}> (line ${parent.line}) has ${found.length} <${name}> children, expected 1`
    );
  }
  return found[0];
}

/** The element at a path of child names, e.g. path(root, "DefaultSettings", "SourceLocation"). */
export function path(parent: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, parent);
}
