/**
 * A document open for editing: the editor in the centre, and on the right the metadata,
 * comments and revisions tabs. Notices get their own form and page preview (NoticeView).
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { LexicalEditor } from 'lexical';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { $isMarkNode } from '@lexical/mark';
import type { DocumentPayload, RevisionSummary } from '../../../electron/core/api/schema.js';
import type { CaseMeta, CommentThread, NoticeMeta } from '../../../electron/core/model/types.js';
import { api, ApiCallError } from '../api/client.js';
import { describeError, quoted, UserFacingError, type UserMessage } from '../api/errors.js';
import { setStatus } from '../api/lifecycle.js';
import { blocksText, documentCharCount } from '../../../electron/core/model/text.js';
import { lexicalToBlocks } from '../../../electron/core/model/lexical.js';
import type { Block } from '../../../electron/core/model/types.js';
import { LOCKED_STATUSES, statusLabel } from '../status.js';
import { askConfirm } from './ConfirmDialog.js';
import type { ReportError } from './App.js';
import { CaseEditor } from '../editor/CaseEditor.js';
import { publishTeamMeta, useTeamSession } from '../editor/plugins/CollabPlugin.js';
import type { SaveOptions, SaveState } from '../editor/plugins/AutosavePlugin.js';
import { $removeCommentMarks } from '../editor/commands.js';
import { MetaPanel } from './MetaPanel.js';
import { ThreadsTab } from './ThreadsTab.js';
import { quoteOffset } from './threadList.js';
import { useOpenTeamThreadIds } from '../editor/teamThreadStore.js';
import { RevisionsPanel } from './RevisionsPanel.js';
import { NoticeForm, NoticePreview } from './notice/NoticeView.js';
import { ExportBar } from './ExportBar.js';

export interface DocumentViewProps {
  documentId: string;
  categories: string[];
  reviewerName: string | null;
  setReviewerName: (name: string) => Promise<void>;
  onChanged: () => void;
  onError: ReportError;
  /** The document is gone (deleted elsewhere): the centre goes back to the start page. */
  onMissing: () => void;
  /** Lets the app flush unsaved edits before switching documents. */
  registerFlush: (flush: ((autosave: boolean) => Promise<void>) | null) => void;
}

const SAVE_LABEL: Record<SaveState, string> = { saved: '已保存', saving: '保存中', dirty: '未保存', error: '保存失败' };

function $marksById(threadId?: string): LexicalNode[] {
  const out: LexicalNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node) && (!threadId || node.hasID(threadId))) out.push(node);
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return out;
}

export function DocumentView(props: DocumentViewProps): JSX.Element {
  const { documentId } = props;
  const teamSession = useTeamSession(documentId);
  const openTeamIds = useOpenTeamThreadIds(documentId);
  const shared = useRef(false);
  shared.current = Boolean(teamSession);
  const [payload, setPayload] = useState<DocumentPayload | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [tab, setTab] = useState<'meta' | 'comments' | 'revisions'>('meta');
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<UserMessage | null>(null);
  const [showSaveDetail, setShowSaveDetail] = useState(false);
  const saving = useRef(0);
  /** Comment threads whose marked text is no longer in the document. */
  const [orphaned, setOrphaned] = useState<Set<string>>(new Set());
  const [threads, setThreads] = useState<CommentThread[]>([]);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const revision = useRef(0);
  const titleRef = useRef<string>('');
  const flushRef = useRef<((autosave: boolean) => Promise<void>) | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  // Also as state, so panels that read the editor (the notice preview) re-render when it mounts.
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  /** Which part of a notice is in the editor: the body or attachment i (附件 bodies, one editor at a time). */
  const [part, setPart] = useState<'body' | number>('body');
  const attachments = useRef<Array<{ title: string; editorState: Record<string, unknown> }>>([]);
  /** The body as last saved, so switching back from an attachment reopens the current text. */
  const bodyState = useRef<Record<string, unknown>>({});

  const loadThreads = useCallback(() => api('comments.list', { documentId }).then(setThreads).catch((e: unknown) => props.onError(e, { action: '读取批注', subject: '这篇文档的批注' })), [documentId]);
  const loadRevisions = useCallback(() => api('revisions.list', { documentId }).then(setRevisions).catch(() => undefined), [documentId]);

  const adopt = (p: DocumentPayload) => {
    revision.current = p.revision;
    titleRef.current = p.document.meta.title;
    attachments.current = (p.attachments ?? []).map((a) => ({ ...a }));
    bodyState.current = p.editorState;
    setPart('body');
    setPayload(p);
    setEditorKey((k) => k + 1);
    setSaveState('saved');
    setSaveError(null);
  };

  useEffect(() => {
    let live = true;
    setPayload(null);
    api('documents.get', { id: documentId })
      .then((p) => live && adopt(p))
      .catch((e: unknown) => {
        if (!live) return;
        props.onError(e, { action: '打开文档', subject: '上次打开的文档' });
        if (e instanceof ApiCallError && e.code === 'not-found') props.onMissing();
      });
    void loadThreads();
    void loadRevisions();
    return () => {
      live = false;
    };
  }, [documentId]);

  useEffect(() => {
    const flush = (autosave: boolean) => flushRef.current?.(autosave) ?? Promise.resolve();
    props.registerFlush(flush);
    return () => props.registerFlush(null);
  }, [documentId]);

  // Resolved threads' marks are drawn faintly.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const resolved = new Set(threads.filter((t) => t.resolved).map((t) => t.id));
    editor.getEditorState().read(() => {
      for (const mark of $marksById()) {
        if (!$isMarkNode(mark)) continue;
        const el = editor.getElementByKey(mark.getKey());
        el?.classList.toggle('resolved', mark.getIDs().every((id) => resolved.has(id)));
        if (el) el.dataset.threads = mark.getIDs().join(' ');
      }
    });
  }, [threads, editorKey]);

  const save = useCallback(
    async (editorState: Record<string, unknown> | undefined, autosave: boolean, meta?: Record<string, unknown>, attachmentIndex?: number, options: SaveOptions = {}) => {
      // Sent as the page goes away while another save is under way: this state supersedes that one.
      const superseding = options.unloading && saving.current > 0;
      saving.current++;
      try {
        // An attachment's edit is saved with all attachments (the API replaces them as a list).
        if (attachmentIndex !== undefined && editorState) attachments.current[attachmentIndex] = { ...attachments.current[attachmentIndex]!, editorState };
        else if (editorState) bodyState.current = editorState;
        const result = await api(
          'documents.save',
          {
            id: documentId,
            ...(editorState && attachmentIndex === undefined ? { editorState } : {}),
            ...(attachmentIndex !== undefined ? { attachments: attachments.current } : {}),
            ...(meta ? { meta } : {}),
            // A shared case's text is the team document; this row only follows it, so no stale check.
            ...(superseding || shared.current ? {} : { baseRevision: revision.current }),
            autosave,
          },
          { keepalive: Boolean(options.unloading) },
        );
        revision.current = result.revision;
        setPayload((p) => (p ? { ...p, revision: result.revision, document: { ...p.document, meta: result.meta } as DocumentPayload['document'] } : p));
        if (!autosave) void loadRevisions();
        if (meta) props.onChanged();
      } catch (error) {
        throw new UserFacingError(describeError(error, { action: '保存', subject: quoted(titleRef.current) }).text, describeError(error, { action: '保存' }).detail);
      } finally {
        saving.current--;
      }
    },
    [documentId],
  );

  /** Metadata saves one after another, each from the revision the last returned (two fields blurred in quick succession). */
  const metaChain = useRef<Promise<void>>(Promise.resolve());
  const saveMeta = (patch: Partial<CaseMeta> | Partial<NoticeMeta>) => {
    metaChain.current = metaChain.current.then(() => saveMetaNow(patch));
    return metaChain.current;
  };
  const saveMetaNow = async (patch: Partial<CaseMeta> | Partial<NoticeMeta>) => {
    await flushRef.current?.(true);
    // A shared case: colleagues get the change through the team document.
    publishTeamMeta(documentId, patch as Record<string, unknown>);
    setSaveState('saving');
    try {
      await save(undefined, true, patch as Record<string, unknown>);
      setSaveState('saved');
    } catch (e) {
      setSaveState('error');
      setSaveError(describeError(e, { action: '保存' }));
    }
  };

  const createComment = async (threadId: string, quote: string, text: string) => {
    const author = props.reviewerName ?? (await api('settings.get', {})).reviewerName ?? '审阅人';
    await api('comments.add', { documentId, id: threadId, quote, text, author });
    await flushRef.current?.(true);
    await loadThreads();
    setTab('comments');
    props.onChanged();
  };

  const focusThread = (threadId: string) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.getEditorState().read(() => {
      const mark = $marksById(threadId)[0];
      const el = mark && editor.getElementByKey(mark.getKey());
      // A shared case has no marks: the paragraph holding the thread's words (quoteOffset finds them).
      const target = el ?? (shared.current ? paragraphWithQuote(editor.getRootElement(), threads.find((t) => t.id === threadId)?.quote ?? '') : null);
      if (target) {
        target.scrollIntoView({ block: 'center', behavior: 'smooth' });
        target.classList.add('flash');
        setTimeout(() => target.classList.remove('flash'), 1200);
      }
    });
  };

  // Which threads' marks are still in the text: the others are shown as 原文已删除.
  useEffect(() => {
    if (!editor) return;
    const check = () =>
      editor.getEditorState().read(() => {
        const present = new Set($marksById().flatMap((m) => ($isMarkNode(m) ? m.getIDs() : [])));
        // A shared case's text (the team document) has no marks: a library thread is there while its words are.
        const root = editor.getRootElement();
        const text = shared.current ? (root?.textContent ?? '') : null;
        setOrphaned((old) => {
          const next = new Set(threads.filter((t) => !present.has(t.id) && (text === null || quoteOffset(text, t.quote) === null)).map((t) => t.id));
          return next.size === old.size && [...next].every((id) => old.has(id)) ? old : next;
        });
        // Their words underlined as the team's are (no mark can be written into the shared text).
        if (text !== null && root) highlightLibraryThreads(root, text, threads.filter((t) => !t.resolved && !present.has(t.id)));
      });
    check();
    const off = editor.registerUpdateListener(check);
    return () => {
      off();
      libraryHighlights()?.delete(LIBRARY_HIGHLIGHT);
    };
  }, [editor, threads, part, teamSession]);

  const charCount = useCallback(
    (blocks: Block[]) => {
      if (!payload) return 0;
      const others = attachments.current.map((a, i) => ({ title: a.title, blocks: part === i ? blocks : lexicalToBlocks(a.editorState) }));
      const body = part === 'body' ? blocks : lexicalToBlocks(bodyState.current);
      return documentCharCount(payload.document.meta.title, body, payload.document.kind === 'notice' ? others : null);
    },
    [payload?.document.meta.title, part],
  );

  const changeStatus = async (status: string) => {
    if (!payload) return;
    const from = payload.document.kind === 'case' ? (payload.document.meta.status ?? 'draft') : 'draft';
    let reason: string | undefined;
    if (LOCKED_STATUSES.has(from) && !LOCKED_STATUSES.has(status)) {
      const given = await askConfirm({
        title: `重新打开${quoted(payload.document.meta.title)}？`,
        body: <p>本案例已{statusLabel(from)}，重新打开后正文和元数据可以再修改，状态改为“{statusLabel(status)}”。原因会记入修改记录。</p>,
        confirmLabel: '重新打开',
        input: { label: '重新打开的原因', placeholder: '如：地市补充了数据', required: true },
      });
      if (given === false) return;
      reason = given;
    }
    try {
      await flushRef.current?.(true);
      await setStatus(documentId, status, reason);
      adopt(await api('documents.get', { id: documentId }));
      void loadRevisions();
      props.onChanged();
    } catch (e) {
      props.onError(e, { action: `设为“${statusLabel(status)}”`, subject: quoted(payload.document.meta.title) });
    }
  };

  if (!payload) return <section className="doc-view loading">正在打开…</section>;
  const doc = payload.document;
  const locked = doc.kind === 'case' && LOCKED_STATUSES.has(doc.meta.status ?? 'draft');
  // Open threads of both homes, a thread the library and the team document share counted once.
  const openTeam = openTeamIds ? openTeamIds.split(' ') : [];
  const openThreads = new Set([...threads.filter((t) => !t.resolved).map((t) => t.id), ...openTeam]).size;

  return (
    <div className="doc-layout">
      <section className="doc-view" aria-label="文档编辑">
        <header className="doc-head">
          <div className="doc-title">
            <h2>{doc.meta.title || '（无标题）'}</h2>
            {doc.kind === 'case' && doc.meta.subtitle && <div className="muted">{doc.meta.subtitle}</div>}
          </div>
          {doc.kind === 'case' && <span className={`status-pill status-${doc.meta.status ?? 'draft'}`}>{statusLabel(doc.meta.status)}</span>}
          <span className={`save-state ${saveState}`} role="status" aria-live="polite">
            {SAVE_LABEL[saveState]}
          </span>
          {!locked && <button type="button" onClick={() => void flushRef.current?.(false)} title="保存 (Ctrl+S)">保存</button>}
          {doc.kind === 'notice' && <ExportBar documentId={doc.id} template="notice" defaultName={doc.meta.title} beforeExport={() => flushRef.current?.(true) ?? Promise.resolve()} onError={props.onError} />}
        </header>
        {saveState === 'error' && saveError && (
          <div className="save-error" role="alert">
            <span>{saveError.text}</span>
            <span className="row nowrap">
              <button type="button" onClick={() => void flushRef.current?.(true)}>重试</button>
              {saveError.detail && <button type="button" aria-expanded={showSaveDetail} onClick={() => setShowSaveDetail(!showSaveDetail)}>详情</button>}
            </span>
            {showSaveDetail && saveError.detail && <pre className="toast-detail">{saveError.detail}</pre>}
          </div>
        )}
        {locked && (
          <div className="lock-banner" role="status">
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor" /></svg> 本案例已{statusLabel(doc.kind === 'case' ? doc.meta.status : 'final')}，正文和元数据已锁定，可以阅读和导出。
            <button type="button" className="primary" onClick={() => void changeStatus('review')}>重新打开</button>
          </div>
        )}
        {doc.kind === 'notice' && <NoticeForm meta={doc.meta} onChange={(patch) => void saveMeta(patch)} />}
        {doc.kind === 'notice' && (
          <div className="part-bar">
          <div className="part-tabs" role="tablist" aria-label="正文与附件">
            {(['body', ...attachments.current.map((_, i) => i)] as Array<'body' | number>).map((p) => (
              <button
                key={String(p)}
                type="button"
                role="tab"
                aria-selected={part === p}
                onClick={async () => {
                  await flushRef.current?.(true);
                  setPart(p);
                }}
              >
                {p === 'body' ? '正文' : `附件${p + 1}：${attachments.current[p]!.title}`}
              </button>
            ))}
          </div>
            <button
              type="button"
              onClick={async () => {
                await flushRef.current?.(true);
                const n = attachments.current.length + 1;
                attachments.current.push({ title: `附件${n}`, editorState: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }] } } });
                setPart(n - 1);
              }}
            >
              ＋ 附件
            </button>
          </div>
        )}
        {teamSession !== undefined && (
        <CaseEditor
          key={`${doc.id}:${editorKey}:${part}`}
          documentId={`${doc.id}:${editorKey}:${part}`}
          initialState={part === 'body' ? bodyState.current : attachments.current[part]!.editorState}
          save={(state, autosave, options) => save(state, autosave, undefined, part === 'body' ? undefined : part, options)}
          onSaveState={(s, e) => {
            setSaveState(s);
            if (s === 'error') setSaveError(describeError(e, { action: '保存', subject: quoted(doc.meta.title) }));
            if (s === 'saved') {
              setSaveError(null);
              props.onChanged();
            }
          }}
          charCount={charCount}
          readOnly={locked}
          registerFlush={(f) => (flushRef.current = f)}
          createComment={createComment}
          reviewerName={props.reviewerName}
          setReviewerName={props.setReviewerName}
          onEditor={(e) => {
            editorRef.current = e;
            setEditor(e);
          }}
          team={doc.kind === 'case' && part === 'body' ? teamSession : null}
          placeholder={doc.kind === 'notice' ? (part === 'body' ? '在此输入通知正文…' : '在此输入附件内容…') : undefined}
        />
        )}
      </section>
      <aside className="right-panel" aria-label="属性面板">
        <div className="tabs" role="tablist" aria-label="属性">
          <button type="button" role="tab" aria-selected={tab === 'meta'} onClick={() => setTab('meta')}>{doc.kind === 'notice' ? '版面预览' : '元数据'}</button>
          <button type="button" role="tab" aria-selected={tab === 'comments'} onClick={() => setTab('comments')}>批注{openThreads ? `（${openThreads}）` : ''}</button>
          <button type="button" role="tab" aria-selected={tab === 'revisions'} onClick={() => { setTab('revisions'); void loadRevisions(); }}>版本</button>
        </div>
        <div className="tab-body" role="tabpanel">
          {tab === 'meta' && doc.kind === 'case' && <MetaPanel meta={doc.meta} documentId={doc.id} categories={props.categories} locked={locked} onChange={(patch) => void saveMeta(patch)} onStatus={(s) => void changeStatus(s)} />}
          {tab === 'meta' && doc.kind === 'notice' && <NoticePreview meta={doc.meta} editor={part === 'body' ? editor : null} documentId={doc.id} beforePreview={() => flushRef.current?.(true) ?? Promise.resolve()} />}
          {tab === 'comments' && (
            <ThreadsTab
              documentId={documentId}
              library={threads}
              orphaned={orphaned}
              editor={editor}
              shared={Boolean(teamSession)}
              reviewerName={props.reviewerName}
              reload={loadThreads}
              focusLibrary={focusThread}
              onDeleted={(threadId) => {
                if (!locked) editorRef.current?.update(() => $removeCommentMarks(threadId));
              }}
              onChanged={props.onChanged}
              onError={props.onError}
            />
          )}
          {tab === 'revisions' && (
            <RevisionsPanel
              documentId={documentId}
              revisions={revisions}
              locked={locked}
              currentText={() => [blocksText(lexicalToBlocks(editorRef.current?.getEditorState().toJSON() ?? bodyState.current)), ...(doc.kind === 'notice' ? attachments.current.flatMap((a) => [a.title, blocksText(lexicalToBlocks(a.editorState))]) : [])].join('\n')}
              onSaveRevision={() => void flushRef.current?.(false).then(loadRevisions)}
              onError={props.onError}
              onRestore={async (revisionId) => {
                try {
                  await flushRef.current?.(true);
                  adopt(await api('revisions.restore', { documentId, revisionId }));
                  void loadRevisions();
                  props.onChanged();
                } catch (e) {
                  props.onError(e, { action: '恢复版本', subject: quoted(doc.meta.title) });
                }
              }}
            />
          )}
        </div>
      </aside>
    </div>
  );
}

/** The block of the editor whose text holds `quote` (its first words, when it runs over several). */
function paragraphWithQuote(root: HTMLElement | null, quote: string): HTMLElement | null {
  const words = quote.replace(/\s+/g, '');
  if (!root || !words) return null;
  for (const block of Array.from(root.children) as HTMLElement[]) {
    const text = (block.textContent ?? '').replace(/\s+/g, '');
    if (text.includes(words) || (words.length > 8 && text.includes(words.slice(0, 8)))) return block;
  }
  return null;
}

const LIBRARY_HIGHLIGHT = 'hb-library-comment';

function libraryHighlights(): Map<string, unknown> | undefined {
  return (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
}

/** A DOM range over characters [from, from + length) of the root's text, or null. */
function textRange(root: HTMLElement, from: number, length: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const size = node.data.length;
    if (!started && from < seen + size) {
      range.setStart(node, from - seen);
      started = true;
    }
    if (started && from + length <= seen + size) {
      range.setEnd(node, from + length - seen);
      return range;
    }
    seen += size;
  }
  return null;
}

/** The open library threads of a shared case, underlined where their words stand (CSS Custom Highlight API). */
function highlightLibraryThreads(root: HTMLElement, text: string, threads: readonly CommentThread[]): void {
  const registry = libraryHighlights();
  const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return;
  const ranges: Range[] = [];
  for (const t of threads) {
    const at = text.indexOf(t.quote);
    const range = at >= 0 && t.quote ? textRange(root, at, t.quote.length) : null;
    if (range) ranges.push(range);
  }
  registry.set(LIBRARY_HIGHLIGHT, new HighlightCtor(...ranges));
}
