/**
 * The YAML subset AOS templates are written in: block mappings and sequences, plain / quoted scalars,
 * flow collections (`[a, b]`, `{k: v}`), block scalars (`|`, `>`), comments. Enough for TOSCA
 * blueprints without a dependency; anchors, tags and multi-document streams are refused.
 */

export class YamlError extends Error {
  constructor(message: string, line: number) {
    super(`${message} (line ${line + 1})`);
  }
}

interface Line {
  no: number;
  indent: number;
  text: string;
}

function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(text[i - 1] ?? '')) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

/** The position of the `:` that ends a mapping key on this line, or -1. */
function keyColon(text: string): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if ((c === '"' || c === "'") && i === 0) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ':' && depth === 0 && (i === text.length - 1 || text[i + 1] === ' ')) return i;
  }
  return -1;
}

function plainScalar(raw: string): unknown {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?\d+$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  }
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Parses a flow value (`[..]`, `{..}`, quoted or plain) starting at `pos`; returns [value, end]. */
function flowValue(text: string, pos: number, line: number, inFlow: boolean): [unknown, number] {
  let i = pos;
  while (text[i] === ' ') i++;
  const c = text[i];
  if (c === '[') {
    const out: unknown[] = [];
    i++;
    for (;;) {
      while (text[i] === ' ') i++;
      if (text[i] === ']') return [out, i + 1];
      const [v, end] = flowValue(text, i, line, true);
      out.push(v);
      i = end;
      while (text[i] === ' ') i++;
      if (text[i] === ',') i++;
      else if (text[i] !== ']') throw new YamlError('unterminated flow sequence', line);
    }
  }
  if (c === '{') {
    const out: Record<string, unknown> = {};
    i++;
    for (;;) {
      while (text[i] === ' ') i++;
      if (text[i] === '}') return [out, i + 1];
      const [k, kEnd] = flowValue(text, i, line, true);
      i = kEnd;
      while (text[i] === ' ') i++;
      let v: unknown = null;
      if (text[i] === ':') {
        [v, i] = flowValue(text, i + 1, line, true);
        while (text[i] === ' ') i++;
      }
      out[String(k)] = v;
      if (text[i] === ',') i++;
      else if (text[i] !== '}') throw new YamlError('unterminated flow mapping', line);
    }
  }
  if (c === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) throw new YamlError('unterminated string', line);
    return [JSON.parse(text.slice(i, j + 1)), j + 1];
  }
  if (c === "'") {
    let j = i + 1;
    let out = '';
    for (;;) {
      if (j >= text.length) throw new YamlError('unterminated string', line);
      if (text[j] === "'") {
        if (text[j + 1] === "'") {
          out += "'";
          j += 2;
          continue;
        }
        return [out, j + 1];
      }
      out += text[j];
      j++;
    }
  }
  let j = i;
  if (inFlow) {
    while (j < text.length && !/[,\]}]/.test(text[j] as string) && !(text[j] === ':' && text[j + 1] === ' '))
      j++;
  } else j = text.length;
  return [plainScalar(text.slice(i, j)), j];
}

function inlineValue(text: string, line: number): unknown {
  const t = text.trim();
  if (/^[&*!]/.test(t)) throw new YamlError('anchors, aliases and tags are not supported', line);
  if (t.startsWith('[') || t.startsWith('{') || t.startsWith('"') || t.startsWith("'")) {
    const [v, end] = flowValue(t, 0, line, false);
    if (t.slice(end).trim() !== '') throw new YamlError('unexpected text after value', line);
    return v;
  }
  return plainScalar(t);
}

class Parser {
  private i = 0;

  constructor(
    private readonly lines: Line[],
    private readonly raw: string[],
  ) {}

  parse(): unknown {
    if (this.lines.length === 0) return null;
    const first = this.lines[0] as Line;
    const value = this.block(first.indent);
    if (this.i < this.lines.length) throw new YamlError('bad indentation', (this.lines[this.i] as Line).no);
    return value;
  }

  private block(indent: number): unknown {
    const line = this.lines[this.i] as Line;
    if (line.text.startsWith('- ') || line.text === '-') return this.sequence(indent);
    if (keyColon(line.text) >= 0) return this.mapping(indent);
    this.i++;
    return inlineValue(line.text, line.no);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as Line;
      if (line.indent !== indent || !(line.text.startsWith('- ') || line.text === '-')) break;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.i++;
        out.push(this.nested(indent, true));
        continue;
      }
      // `- key: value` opens a mapping whose keys sit at the column after the dash.
      const inner = indent + (line.text.length - rest.length);
      this.lines[this.i] = { no: line.no, indent: inner, text: rest };
      out.push(this.block(inner));
    }
    return out;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as Line;
      if (line.indent !== indent) {
        if (line.indent > indent) throw new YamlError('bad indentation', line.no);
        break;
      }
      const colon = keyColon(line.text);
      if (colon < 0) throw new YamlError('expected a mapping key', line.no);
      const key = String(inlineValue(line.text.slice(0, colon), line.no));
      if (Object.hasOwn(out, key)) throw new YamlError(`duplicate key ${key}`, line.no);
      const rest = line.text.slice(colon + 1).trim();
      this.i++;
      if (rest === '') out[key] = this.nested(indent, false);
      else if (/^[|>][-+]?$/.test(rest)) out[key] = this.blockScalar(indent, rest, line.no);
      else out[key] = inlineValue(rest, line.no);
    }
    return out;
  }

  /** The value below a `key:` or `-`: a more indented block, a same-indent sequence under a key, or null. */
  private nested(indent: number, inSequence: boolean): unknown {
    const next = this.lines[this.i];
    if (!next) return null;
    if (next.indent > indent) return this.block(next.indent);
    if (!inSequence && next.indent === indent && (next.text.startsWith('- ') || next.text === '-'))
      return this.sequence(indent);
    return null;
  }

  private blockScalar(indent: number, header: string, no: number): string {
    // Block scalars are read from the raw lines: blank lines and comments inside them are content.
    const body: string[] = [];
    let rawNo = no + 1;
    let blockIndent = -1;
    while (rawNo < this.raw.length) {
      const text = this.raw[rawNo] as string;
      const ind = text.length - text.trimStart().length;
      if (text.trim() !== '') {
        if (ind <= indent) break;
        if (blockIndent < 0) blockIndent = ind;
        if (ind < blockIndent) break;
      }
      body.push(blockIndent < 0 ? '' : text.slice(blockIndent));
      rawNo++;
    }
    while (this.i < this.lines.length && (this.lines[this.i] as Line).no < rawNo) this.i++;
    while (body.length > 0 && body[body.length - 1]?.trim() === '') body.pop();
    let out = header.startsWith('>') ? body.join(' ').replace(/ ?\n ?/g, '\n') : body.join('\n');
    if (!header.endsWith('-')) out += '\n';
    return out;
  }
}

export function parseYaml(source: string): unknown {
  const raw = source.replace(/\r\n?/g, '\n').split('\n');
  const lines: Line[] = [];
  for (let no = 0; no < raw.length; no++) {
    const full = raw[no] as string;
    if (/^\t/.test(full)) throw new YamlError('tabs are not allowed for indentation', no);
    const text = stripComment(full);
    if (text.trim() === '' || text.trim() === '---') continue;
    if (text.trim() === '...') break;
    const indent = text.length - text.trimStart().length;
    lines.push({ no, indent, text: text.trim() });
  }
  return new Parser(lines, raw).parse();
}
