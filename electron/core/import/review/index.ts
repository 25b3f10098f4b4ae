/**
 * Reads back a DOCX that Huibian exported and a reviewer annotated in Word or WPS: recognises
 * it by the document ids kept in its custom properties (or the export manifest part), gives
 * each comment the document whose bookmarked region holds its anchor, the text it anchors,
 * its replies (commentsExtended w15:paraIdParent) and resolved state (w15:done), the Huibian
 * thread it went out as, and per document what changed in the text since export.
 */
import type { ReviewImport } from '../../model/imported.js';
import type { ExportManifest } from '../../export/docx/manifest.js';
import { diffParagraphs } from './diff.js';
import { attr, childrenOf, parseXml, textOf, walk } from './xml.js';
import { openArchive, type GuardedArchive } from '../readers/archive.js';
import { ImportFailure } from '../../model/imported.js';

/** Must match the writer (export/docx): kept here as strings so the import layer does not load the writer. */
const MANIFEST_NS = 'urn:huibian:export:1';
const DEFAULT_BOOKMARK_PREFIX = '_HBdoc';

interface WordComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
  paraId: string | null;
}

function readText(zip: GuardedArchive, name: string): Promise<string | null> {
  return zip.text(name);
}

/** Every part goes through the guarded reader: a bomb is refused with a message, anything else unreadable is "not a reviewed file". */
async function openGuarded(bytes: Uint8Array, file: string): Promise<GuardedArchive | null> {
  try {
    return await openArchive(file, bytes);
  } catch (error) {
    if (error instanceof ImportFailure && /压缩炸弹/u.test(error.message)) throw error;
    return null;
  }
}

function customProperties(xml: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!xml) return out;
  walk(parseXml(xml), (node, name) => {
    if (name !== 'property') return;
    const key = attr(node, 'name');
    if (!key) return false;
    let value = '';
    walk(childrenOf(node), (n, nn) => {
      if (nn === '#text') value += textOf(n);
    });
    out[key] = value;
    return false;
  });
  return out;
}

async function readManifest(zip: GuardedArchive): Promise<ExportManifest | null> {
  for (const name of zip.names()) {
    if (!/^customXml\/item\d+\.xml$/i.test(name)) continue;
    const xml = await readText(zip, name);
    if (!xml || !xml.includes(MANIFEST_NS)) continue;
    let json = '';
    walk(parseXml(xml), (node, n) => {
      if (n === '#text') json += textOf(node);
    });
    try {
      const parsed = JSON.parse(json.trim()) as ExportManifest;
      if (parsed && Array.isArray(parsed.documents)) return parsed;
    } catch {}
  }
  return null;
}

function readComments(xml: string | null): WordComment[] {
  if (!xml) return [];
  const out: WordComment[] = [];
  walk(parseXml(xml), (node, name) => {
    if (name !== 'comment') return;
    const paragraphs: string[] = [];
    let lastParaId: string | null = null;
    walk(childrenOf(node), (p, pn) => {
      if (pn !== 'p') return;
      let text = '';
      walk(childrenOf(p), (t, tn) => {
        if (tn === 't') for (const c of childrenOf(t)) text += textOf(c);
      });
      paragraphs.push(text);
      lastParaId = attr(p, 'paraId') ?? lastParaId;
      return false;
    });
    out.push({
      id: attr(node, 'id') ?? String(out.length),
      author: attr(node, 'author') ?? '',
      date: attr(node, 'date') ?? null,
      text: paragraphs.join('\n').trim(),
      paraId: lastParaId,
    });
    return false;
  });
  return out;
}

function readCommentsExtended(xml: string | null): Map<string, { parent: string | null; done: boolean }> {
  const out = new Map<string, { parent: string | null; done: boolean }>();
  if (!xml) return out;
  walk(parseXml(xml), (node, name) => {
    if (name !== 'commentEx') return;
    const paraId = attr(node, 'paraId');
    if (paraId) out.set(paraId, { parent: attr(node, 'paraIdParent') ?? null, done: attr(node, 'done') === '1' || attr(node, 'done') === 'true' });
    return false;
  });
  return out;
}

interface BodyScan {
  /** Paragraph texts per document index, as the writer's snapshot records them (empty ones left out). */
  paragraphs: Map<number, string[]>;
  /** Per Word comment id: the document whose region holds its start, and the anchored text. */
  anchors: Map<string, { doc: number | null; quote: string }>;
}

/** One pass over document.xml in order: document regions from the per-case bookmarks, paragraph texts, comment ranges. */
function scanBody(xml: string, prefix: string): BodyScan {
  const paragraphs = new Map<number, string[]>();
  const anchors = new Map<string, { doc: number | null; quote: string }>();
  const open = new Set<string>();
  const regionByBookmarkId = new Map<string, number>();
  let current: number | null = null;
  let para: string | null = null;
  walk(
    parseXml(xml),
    (node, name) => {
      switch (name) {
        case 'bookmarkStart': {
          const bm = attr(node, 'name') ?? '';
          if (bm.startsWith(prefix)) {
            const index = Number(bm.slice(prefix.length));
            if (Number.isInteger(index)) {
              current = index;
              regionByBookmarkId.set(attr(node, 'id') ?? '', index);
            }
          }
          return false;
        }
        case 'bookmarkEnd': {
          const index = regionByBookmarkId.get(attr(node, 'id') ?? '');
          if (index !== undefined && index === current) current = null;
          return false;
        }
        case 'p':
          para = '';
          return;
        case 'commentRangeStart': {
          const id = attr(node, 'id') ?? '';
          open.add(id);
          anchors.set(id, { doc: current, quote: '' });
          return false;
        }
        case 'commentRangeEnd':
          open.delete(attr(node, 'id') ?? '');
          return false;
        case 'commentReference': {
          const id = attr(node, 'id') ?? '';
          if (!anchors.has(id)) anchors.set(id, { doc: current, quote: '' });
          return false;
        }
        case 't': {
          let text = '';
          for (const c of childrenOf(node)) text += textOf(c);
          if (para !== null) para += text;
          for (const id of open) anchors.get(id)!.quote += text;
          return false;
        }
        case 'delText':
        case 'instrText':
        case 'rPr':
        case 'pPr':
          return false;
      }
    },
    (_node, name) => {
      if (name === 'p' && para !== null) {
        if (current !== null && para) {
          if (!paragraphs.has(current)) paragraphs.set(current, []);
          paragraphs.get(current)!.push(para);
        }
        para = null;
      }
    },
  );
  return { paragraphs, anchors };
}

export async function readReviewedDocx(bytes: Uint8Array, file = '审阅文档.docx'): Promise<ReviewImport | null> {
  const zip = await openGuarded(bytes, file);
  if (!zip) return null;
  const props = customProperties(await readText(zip, 'docProps/custom.xml'));
  const manifest = await readManifest(zip);
  let documentIds: string[] = [];
  const parseIds = (json: string | undefined) => {
    try {
      const ids = json ? (JSON.parse(json) as unknown) : null;
      return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : null;
    } catch {
      return null;
    }
  };
  // The whole list, or (when Word cut the long property at 255 characters) its numbered pieces.
  const pieces: string[] = [];
  for (let n = 1; props[`HuibianDocumentIds_${n}`] !== undefined; n++) pieces.push(props[`HuibianDocumentIds_${n}`]!);
  documentIds = parseIds(props.HuibianDocumentIds) ?? parseIds(pieces.join('')) ?? [];
  if (!documentIds.length && manifest) documentIds = manifest.documents.map((d) => d.id);
  if (!documentIds.length) return null;

  // Bookmark index → document id: the manifest says exactly; without it, export order.
  const byIndex = new Map<number, string>();
  if (manifest) for (const d of manifest.documents) byIndex.set(d.index, d.id);
  else documentIds.forEach((id, i) => byIndex.set(i, id));
  const prefix = props.HuibianBookmarkPrefix || DEFAULT_BOOKMARK_PREFIX;

  const documentXml = await readText(zip, 'word/document.xml');
  if (!documentXml) return null;
  const scan = scanBody(documentXml, prefix);
  const comments = readComments(await readText(zip, 'word/comments.xml'));
  const extended = readCommentsExtended(await readText(zip, 'word/commentsExtended.xml'));

  // Threads: a comment whose paraId has a parent is a reply; follow the chain up to its root.
  const byParaId = new Map<string, WordComment>();
  for (const c of comments) if (c.paraId) byParaId.set(c.paraId, c);
  const rootOf = (c: WordComment): WordComment => {
    let node = c;
    for (let guard = 0; guard < 100; guard++) {
      const parent = node.paraId ? extended.get(node.paraId)?.parent : null;
      const p = parent ? byParaId.get(parent) : undefined;
      if (!p || p === node) break;
      node = p;
    }
    return node;
  };
  const exported = manifest?.comments ?? [];
  const result: ReviewImport['comments'] = [];
  const resultByRoot = new Map<WordComment, ReviewImport['comments'][number]>();
  const singleDoc = documentIds.length === 1 ? documentIds[0]! : null;
  for (const c of comments) {
    const root = rootOf(c);
    if (root !== c) continue;
    const anchor = scan.anchors.get(c.id);
    const documentId = (anchor?.doc !== null && anchor?.doc !== undefined ? byIndex.get(anchor.doc) : undefined) ?? singleDoc;
    if (!documentId) continue;
    const match =
      exported.find((e) => e.reply === null && e.documentId === documentId && e.author === c.author && e.text === c.text && String(e.wordId) === c.id) ??
      exported.find((e) => e.reply === null && e.documentId === documentId && e.author === c.author && e.text === c.text);
    const entry: ReviewImport['comments'][number] = {
      documentId,
      sourceId: c.id,
      author: c.author,
      date: c.date,
      text: c.text,
      quote: anchor?.quote ?? '',
      resolved: c.paraId ? (extended.get(c.paraId)?.done ?? false) : false,
      threadId: match?.threadId ?? null,
      replies: [],
    };
    result.push(entry);
    resultByRoot.set(c, entry);
  }
  for (const c of comments) {
    const root = rootOf(c);
    if (root === c) continue;
    resultByRoot.get(root)?.replies.push({ author: c.author, date: c.date, text: c.text });
  }

  const changes: ReviewImport['changes'] = [];
  if (manifest) {
    for (const d of manifest.documents) {
      const diff = diffParagraphs(d.paragraphs, scan.paragraphs.get(d.index) ?? []);
      if (diff.added || diff.removed || diff.changed) changes.push({ documentId: d.id, ...diff });
    }
  }
  return { documentIds, comments: result, changes };
}

export { diffParagraphs } from './diff.js';
// Kept for callers that want to check a file cheaply before a full read.
export async function isHuibianDocx(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await openArchive('document.docx', bytes);
    const custom = await readText(zip, 'docProps/custom.xml');
    return Boolean(custom && custom.includes('HuibianDocumentIds'));
  } catch {
    return false;
  }
}

