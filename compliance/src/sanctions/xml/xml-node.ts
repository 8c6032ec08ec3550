import type { XmlEvent } from './xml-tokenizer';

/** One element of a captured record: its text (for leaves) and child elements. */
export interface XmlNode {
  readonly name: string;
  readonly line: number;
  text: string;
  readonly children: XmlNode[];
}

/**
 * Turns tokenizer events into one small tree per record: every element directly under the root
 * whose name is in `records` is handed to `onRecord` when it closes, then dropped, so memory stays
 * at one record whatever the document's size. `onRoot` sees the root element's name first.
 */
export function recordCollector(records: ReadonlySet<string>, onRoot: (name: string, line: number) => void, onRecord: (node: XmlNode) => void): (event: XmlEvent) => void {
  let depth = 0;
  const stack: XmlNode[] = [];
  return (event) => {
    if (event.kind === 'open') {
      depth += 1;
      if (depth === 1) onRoot(event.name, event.line);
      const node: XmlNode = { name: event.name, line: event.line, text: '', children: [] };
      const parent = stack.at(-1);
      if (parent !== undefined) {
        parent.children.push(node);
        stack.push(node);
      } else if (depth === 2 && records.has(event.name)) stack.push(node);
      return;
    }
    if (event.kind === 'text') {
      const node = stack.at(-1);
      if (node !== undefined) node.text += event.text;
      return;
    }
    depth -= 1;
    const node = stack.pop();
    if (node !== undefined && stack.length === 0) onRecord(node);
  };
}

/** The first child named `name`. */
export function childOf(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((child) => child.name === name);
}

/** Every child named `name`, in document order. */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  return node === undefined ? [] : node.children.filter((child) => child.name === name);
}

/** The trimmed text of the child named `name`, or undefined when it is absent or blank. */
export function childText(node: XmlNode, name: string): string | undefined {
  const text = childOf(node, name)?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}
