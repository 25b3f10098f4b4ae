/**
 * 校对 in the editor: the release gate's findings on the text as it stands in the editor
 * (proof.document with the unsaved state), underlined in place with the CSS Custom Highlight
 * API (the editor's state is not touched), listed in ProofPanel beside the page. Accepting
 * sends the editor's state to proof.apply / proof.decide and loads the state that comes back,
 * so the fixes are made by the core on the model, keeping styled runs; autosave stores it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { api } from '../../api/client.js';
import { ProofPanel, type Finding, type ProofItem } from '../../components/ProofPanel.js';

/** Opens the panel (the toolbar's 校对 button). */
export const OPEN_PROOF_COMMAND = createCommand<void>('OPEN_PROOF_COMMAND');

type Highlights = { set(name: string, value: unknown): void; delete(name: string): void };
const highlights = (): Highlights | undefined => (globalThis.CSS as unknown as { highlights?: Highlights } | undefined)?.highlights;
const HighlightCtor = (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
const SEVERITIES = ['fix', 'propose', 'warn', 'block'] as const;

interface Piece {
  node: Text;
  start: number;
}

/** The element's text as the model counts it: a line break is one character, a footnote one mark. */
function flatten(el: HTMLElement): { text: string; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let text = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        pieces.push({ node: child as Text, start: text.length });
        text += (child as Text).data;
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') text += '\n';
        else if (child.classList.contains('hb-footnote')) text += '\uFFFC';
        else walk(child);
      }
    }
  };
  walk(el);
  return { text, pieces };
}

function rangeAt(pieces: Piece[], start: number, end: number): Range | null {
  const find = (at: number, preferEnd: boolean) => pieces.find((p) => (preferEnd ? p.start < at && at <= p.start + p.node.data.length : p.start <= at && at < p.start + p.node.data.length));
  const a = find(start, false) ?? find(start, true);
  const b = find(end, true) ?? a;
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, start - a.start);
  range.setEnd(b.node, Math.max(0, end - b.start));
  return range;
}

/** Where a finding's segment is in the editor's DOM, and its offset in that element's text. */
function locate(editor: LexicalEditor, finding: Finding): Range | null {
  const m = /^b(\d+)\.(.+)$/.exec(finding.segment);
  if (!m) return null;
  const index = Number(m[1]);
  const part = m[2]!;
  const target = editor.getEditorState().read(() => {
    const node = $getRoot().getChildAtIndex(index);
    if (!node) return null;
    const first = $isElementNode(node) ? node.getFirstChild() : null;
    const runIn = first && first.getType() === 'run-in' ? first : null;
    return { key: node.getKey(), runInKey: runIn?.getKey() ?? null, runInLength: runIn?.getTextContent().length ?? 0 };
  });
  if (!target) return null;
  const onRunIn = part === 'r' && target.runInKey;
  const el = editor.getElementByKey(onRunIn ? target.runInKey! : target.key);
  if (!el) return null;
  const { text, pieces } = flatten(el);
  const base = part === 'c' ? target.runInLength : 0;
  let start = base + finding.start;
  // Nested blocks (list items, table cells, notes) or a drifted offset: the nearest occurrence.
  if (text.slice(start, start + finding.text.length) !== finding.text) {
    let best = -1;
    for (let at = text.indexOf(finding.text); at >= 0; at = text.indexOf(finding.text, at + 1)) {
      if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
    }
    if (best < 0) return null;
    start = best;
  }
  // An insertion point (an empty span) is shown on the character after it.
  return rangeAt(pieces, start, start + Math.max(1, finding.text.length));
}

const signature = (f: Finding) => `${f.rule}|${f.text}|${f.context}`;

/**
 * `editorKey` is the editor's remount key, "<document id>:<load>:<part>" (DocumentView): the
 * document is its first field. An attachment's editor is proofed as that document's text
 * with the attachment in place of the body, so offsets match what the editor shows.
 */
export function ProofPlugin({ editorKey, readOnly }: { editorKey: string; readOnly?: boolean }): JSX.Element | null {
  const documentId = editorKey.split(':')[0]!;
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const dismissed = useRef(new Set<string>());
  const ownUpdate = useRef(false);

  const editorState = useCallback(() => editor.getEditorState().toJSON() as unknown as Record<string, unknown>, [editor]);

  const show = useCallback((list: Finding[], text: string) => {
    // Only what this editor holds: metadata and a notice's other parts have their own fields and tabs.
    setFindings(list.filter((f) => f.segment.startsWith('b') && !dismissed.current.has(signature(f))));
    setSummary(text);
    setStale(false);
  }, []);

  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await api('proof.document', { id: documentId, editorState: editorState() });
      show(report.findings, report.summary);
    } catch (e) {
      setError(`校对未能完成：${(e as Error).message}。请稍后重试。`);
    } finally {
      setBusy(false);
    }
  }, [documentId, editorState, show]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_PROOF_COMMAND,
        () => {
          setOpen(true);
          void run();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, run],
  );

  // Typing moves the text under the underlines: they go until the next run.
  useEffect(
    () =>
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (ownUpdate.current || (!dirtyElements.size && !dirtyLeaves.size)) return;
        if (open) setStale(true);
      }),
    [editor, open],
  );

  useEffect(() => {
    const registry = highlights();
    if (!registry || !HighlightCtor) return;
    const clear = () => {
      for (const s of SEVERITIES) registry.delete(`proof-${s}`);
      registry.delete('proof-current');
    };
    clear();
    if (!open || stale) return clear;
    for (const severity of SEVERITIES) {
      const ranges = findings.filter((f) => f.severity === severity).map((f) => locate(editor, f)).filter((r): r is Range => r !== null);
      if (ranges.length) registry.set(`proof-${severity}`, new HighlightCtor(...ranges));
    }
    const chosen = findings.find((f) => f.id === current);
    const range = chosen ? locate(editor, chosen) : null;
    if (range) {
      registry.set('proof-current', new HighlightCtor(range));
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
    return clear;
  }, [editor, open, stale, findings, current]);

  /** Loads the state the core returns; autosave stores it like any edit. */
  const load = useCallback(
    (state: Record<string, unknown> | undefined) => {
      if (!state) return;
      ownUpdate.current = true;
      try {
        editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
      } finally {
        ownUpdate.current = false;
      }
    },
    [editor],
  );

  const act = useCallback(
    async (what: () => Promise<{ editorState?: Record<string, unknown>; report: { findings: Finding[]; summary: string } }>) => {
      setBusy(true);
      setError(null);
      try {
        const result = await what();
        load(result.editorState);
        show(result.report.findings, result.report.summary);
      } catch (e) {
        setError(`未能修改：${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    },
    [load, show],
  );

  if (!open) return null;
  const items: ProofItem[] = findings.map((f) => ({ finding: f, current: f.id === current }));
  return (
    <ProofPanel
      items={items}
      summary={summary}
      busy={busy}
      stale={stale}
      readOnly={readOnly === true}
      error={error}
      onSelect={(f) => setCurrent(f.id)}
      onAccept={(list) => void act(() => api('proof.apply', { id: documentId, editorState: editorState(), findingIds: list.map((f) => f.id) }))}
      onReject={(f) => {
        dismissed.current.add(signature(f));
        setFindings((l) => l.filter((x) => x.id !== f.id));
      }}
      onDecide={(f, action, reason) => void act(() => api('proof.decide', { id: documentId, editorState: editorState(), rule: f.rule, text: f.text, action, reason }))}
      onRerun={() => void run()}
      onClose={() => {
        setOpen(false);
        setCurrent(null);
      }}
    />
  );
}
