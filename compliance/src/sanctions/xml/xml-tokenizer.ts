import { malformedList } from '../list-errors';

/** What the tokenizer reports: an element opening or closing, or text inside one. */
export type XmlEvent =
  | { readonly kind: 'open'; readonly name: string; readonly line: number }
  | { readonly kind: 'close'; readonly name: string; readonly line: number }
  | { readonly kind: 'text'; readonly text: string; readonly line: number };

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A small XML tokenizer for regular, data-only documents such as OFAC's `SDN.XML`. Feed it chunks
 * with `write` and finish with `end`; events go to `onEvent` as soon as they are complete, so a
 * caller never holds more than one record. It checks that tags nest, decodes the five predefined
 * and numeric character references, and refuses DTDs with internal subsets and unknown entities
 * (no entity expansion, hence no XXE or "billion laughs"). Attributes are skipped: the schema
 * keeps its data in elements. Element names lose any namespace prefix.
 */
export class XmlTokenizer {
  readonly #file: string;
  readonly #onEvent: (event: XmlEvent) => void;
  readonly #open: string[] = [];
  #buffer = '';
  #line = 1;
  #sawRoot = false;

  constructor(file: string, onEvent: (event: XmlEvent) => void) {
    this.#file = file;
    this.#onEvent = onEvent;
  }

  /** Consumes a chunk; an incomplete tag or text run waits for the next chunk. */
  write(chunk: string): void {
    this.#buffer += chunk;
    this.#drain(false);
  }

  /** Consumes what is left and checks the document is complete. */
  end(): void {
    this.#drain(true);
    if (this.#open.length > 0) throw this.#error(`the document ends inside <${this.#open.at(-1)}>`);
    if (!this.#sawRoot) throw this.#error('the document has no root element');
  }

  #drain(final: boolean): void {
    let pos = 0;
    const buffer = this.#buffer;
    for (;;) {
      const lt = buffer.indexOf('<', pos);
      if (lt === -1) {
        // Text may continue in the next chunk (perhaps mid-entity), so it waits unless this is the end.
        this.#buffer = final ? '' : buffer.slice(pos);
        if (final) this.#text(buffer.slice(pos));
        return;
      }
      const end = markupEnd(buffer, lt);
      if (end === -1) {
        if (final) throw this.#error('the document ends inside a tag');
        this.#buffer = buffer.slice(pos);
        return;
      }
      this.#text(buffer.slice(pos, lt));
      this.#markup(buffer.slice(lt, end));
      pos = end;
    }
  }

  #text(raw: string): void {
    if (raw === '') return;
    const line = this.#line;
    this.#line += countNewlines(raw);
    if (this.#open.length === 0) {
      if (raw.trim() !== '') throw this.#error('text outside the root element', line);
      return;
    }
    this.#onEvent({ kind: 'text', text: this.#decode(raw, line), line });
  }

  #markup(markup: string): void {
    const line = this.#line;
    this.#line += countNewlines(markup);
    if (markup.startsWith('<!--') || markup.startsWith('<?')) return;
    if (markup.startsWith('<![CDATA[')) {
      if (this.#open.length === 0) throw this.#error('character data outside the root element', line);
      this.#onEvent({ kind: 'text', text: markup.slice(9, -3), line });
      return;
    }
    if (markup.startsWith('<!')) {
      if (markup.includes('[')) throw this.#error('a document type with an internal subset is not accepted', line);
      return;
    }
    if (markup.startsWith('</')) {
      const name = localName(NAME.exec(markup.slice(2))?.[0], () => this.#error('a closing tag without a name', line));
      const expected = this.#open.pop();
      if (expected !== name) throw this.#error(expected === undefined ? `</${name}> closes nothing` : `</${name}> where </${expected}> was expected`, line);
      this.#onEvent({ kind: 'close', name, line });
      return;
    }
    const name = localName(NAME.exec(markup.slice(1))?.[0], () => this.#error('a tag without a name', line));
    if (this.#open.length === 0) {
      if (this.#sawRoot) throw this.#error(`a second root element <${name}>`, line);
      this.#sawRoot = true;
    }
    this.#onEvent({ kind: 'open', name, line });
    if (markup.endsWith('/>')) this.#onEvent({ kind: 'close', name, line });
    else this.#open.push(name);
  }

  #decode(raw: string, line: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (reference, body: string) => {
      if (!reference.endsWith(';')) throw this.#error(`a bare "&" in text (write &amp;)`, line);
      const named = ENTITIES[body];
      if (named !== undefined) return named;
      const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : body.startsWith('#') ? Number(body.slice(1)) : Number.NaN;
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) throw this.#error(`an unknown entity ${reference}`, line);
      return String.fromCodePoint(code);
    });
  }

  #error(problem: string, line = this.#line): Error {
    return malformedList({ file: this.#file, line }, problem);
  }
}

/** Feeds a whole document through a tokenizer. */
export function tokenizeXml(text: string, file: string, onEvent: (event: XmlEvent) => void): void {
  const tokenizer = new XmlTokenizer(file, onEvent);
  tokenizer.write(text);
  tokenizer.end();
}

/** Index just past the markup that starts at `lt`, or -1 when it is not complete yet. */
function markupEnd(text: string, lt: number): number {
  const closer = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : text.startsWith('<?', lt) ? '?>' : undefined;
  if (closer !== undefined) {
    const at = text.indexOf(closer, lt + 2);
    return at === -1 ? -1 : at + closer.length;
  }
  // A tag: `>` inside a quoted attribute value does not end it.
  let quote: string | undefined;
  for (let i = lt + 1; i < text.length; i += 1) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i + 1;
  }
  return -1;
}

function localName(name: string | undefined, missing: () => Error): string {
  if (name === undefined) throw missing();
  const colon = name.lastIndexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
