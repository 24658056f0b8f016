/**
 * XML text → a small element tree with namespaces and line numbers, through saxes (a non-validating, streaming
 * parser that never expands entities beyond the five predefined ones). A DOCTYPE is refused outright: IDS needs
 * none, and an internal subset is how entity-expansion attacks ("billion laughs") get in.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  namespace: string;
  /** Attributes by qualified name as written (`xsi:schemaLocation`, `base`). */
  attributes: Map<string, XmlAttribute>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  line: number;
  column: number;
}

export interface XmlAttribute {
  local: string;
  namespace: string;
  value: string;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The text has a DOCTYPE (refused before any entity could be declared); BCF reports it on its own. */
    readonly doctype = false,
  ) {
    super(message);
  }
}

export function parseXmlTree(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: XmlSyntaxError | null = null;
  const fail = (message: string, doctype = false) => {
    failure ??= new XmlSyntaxError(message, parser.line, parser.column, doctype);
  };
  parser.on('error', (error) => fail(error.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('doctype', () => fail('a DOCTYPE is not allowed in an IDS file', true));
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      namespace: tag.uri,
      attributes: new Map(
        Object.values(tag.attributes).map((attribute) => [
          attribute.name,
          { local: attribute.local, namespace: attribute.uri, value: attribute.value },
        ]),
      ),
      children: [],
      text: '',
      line: parser.line,
      column: parser.column,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (data) => {
    const current = stack[stack.length - 1];
    if (current) current.text += data;
  });
  parser.on('cdata', (data) => {
    const current = stack[stack.length - 1];
    if (current) current.text += data;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (failure) throw failure;
  if (!root) throw new XmlSyntaxError('the file has no root element', parser.line, parser.column);
  return root;
}
