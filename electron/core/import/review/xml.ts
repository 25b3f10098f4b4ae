/** Parsing helpers over fast-xml-parser's ordered output, with namespace prefixes removed (Word and WPS both write w:, but need not). */
import { XMLParser } from 'fast-xml-parser';

export type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

export function parseXml(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}

/** The element name of an ordered node ('#text' for text). */
export function nameOf(node: XNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XNode): XNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

export function attr(node: XNode, name: string): string | undefined {
  return node[':@']?.[name];
}

export function textOf(node: XNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : value === undefined ? '' : String(value);
}

/** Depth-first walk in document order, with a callback on entering and leaving each element. */
export function walk(nodes: XNode[], enter: (node: XNode, name: string) => boolean | void, leave?: (node: XNode, name: string) => void): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (enter(node, name) === false) continue;
    if (name !== '#text') walk(childrenOf(node), enter, leave);
    leave?.(node, name);
  }
}

export function find(nodes: XNode[], name: string): XNode | null {
  let hit: XNode | null = null;
  walk(nodes, (node, n) => {
    if (hit) return false;
    if (n === name) {
      hit = node;
      return false;
    }
  });
  return hit;
}
