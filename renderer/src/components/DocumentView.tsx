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
import { CaseEditor } from '../editor/CaseEditor.js';
import type { SaveState } from '../editor/plugins/AutosavePlugin.js';
import { $removeCommentMarks } from '../editor/commands.js';
import { MetaPanel } from './MetaPanel.js';
import { CommentsPanel } from './CommentsPanel.js';
import { RevisionsPanel } from './RevisionsPanel.js';
import { NoticeForm, NoticePreview } from './notice/NoticeView.js';
import { ExportBar } from './ExportBar.js';

export interface DocumentViewProps {
  documentId: string;
  categories: string[];
  reviewerName: string | null;
  setReviewerName: (name: string) => Promise<void>;
  onChanged: () => void;
  onError: (message: string) => void;
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
  const [payload, setPayload] = useState<DocumentPayload | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [tab, setTab] = useState<'meta' | 'comments' | 'revisions'>('meta');
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveMessage, setSaveMessage] = useState<string | undefined>();
  const [threads, setThreads] = useState<CommentThread[]>([]);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const revision = useRef(0);
  const flushRef = useRef<((autosave: boolean) => Promise<void>) | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  // Also as state, so panels that read the editor (the notice preview) re-render when it mounts.
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  /** Which part of a notice is in the editor: the body or attachment i (附件 bodies, one editor at a time). */
  const [part, setPart] = useState<'body' | number>('body');
  const attachments = useRef<Array<{ title: string; editorState: Record<string, unknown> }>>([]);
  /** The body as last saved, so switching back from an attachment reopens the current text. */
  const bodyState = useRef<Record<string, unknown>>({});

  const loadThreads = useCallback(() => api('comments.list', { documentId }).then(setThreads).catch((e: Error) => props.onError(e.message)), [documentId]);
  const loadRevisions = useCallback(() => api('revisions.list', { documentId }).then(setRevisions).catch(() => undefined), [documentId]);

  const adopt = (p: DocumentPayload) => {
    revision.current = p.revision;
    attachments.current = (p.attachments ?? []).map((a) => ({ ...a }));
    bodyState.current = p.editorState;
    setPart('body');
    setPayload(p);
    setEditorKey((k) => k + 1);
    setSaveState('saved');
  };

  useEffect(() => {
    let live = true;
    setPayload(null);
    api('documents.get', { id: documentId })
      .then((p) => live && adopt(p))
      .catch((e: Error) => props.onError(e.message));
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
    async (editorState: Record<string, unknown> | undefined, autosave: boolean, meta?: Record<string, unknown>, attachmentIndex?: number) => {
      try {
        // An attachment's edit is saved with all attachments (the API replaces them as a list).
        if (attachmentIndex !== undefined && editorState) attachments.current[attachmentIndex] = { ...attachments.current[attachmentIndex]!, editorState };
        else if (editorState) bodyState.current = editorState;
        const result = await api('documents.save', {
          id: documentId,
          ...(editorState && attachmentIndex === undefined ? { editorState } : {}),
          ...(attachmentIndex !== undefined ? { attachments: attachments.current } : {}),
          ...(meta ? { meta } : {}),
          baseRevision: revision.current,
          autosave,
        });
        revision.current = result.revision;
        setPayload((p) => (p ? { ...p, revision: result.revision, document: { ...p.document, meta: result.meta } as DocumentPayload['document'] } : p));
        if (!autosave) void loadRevisions();
        if (meta) props.onChanged();
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'conflict') throw new Error('文档已在别处被修改，请重新打开后再编辑');
        throw error;
      }
    },
    [documentId],
  );

  const saveMeta = async (patch: Partial<CaseMeta> | Partial<NoticeMeta>) => {
    await flushRef.current?.(true);
    setSaveState('saving');
    try {
      await save(undefined, true, patch as Record<string, unknown>);
      setSaveState('saved');
    } catch (e) {
      setSaveState('error');
      setSaveMessage((e as Error).message);
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
      if (el) {
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        el.classList.add('flash');
        setTimeout(() => el.classList.remove('flash'), 1200);
      }
    });
  };

  if (!payload) return <section className="doc-view loading">正在打开…</section>;
  const doc = payload.document;

  return (
    <div className="doc-layout">
      <section className="doc-view" aria-label="文档编辑">
        <header className="doc-head">
          <div className="doc-title">
            <h2>{doc.meta.title || '（无标题）'}</h2>
            {doc.kind === 'case' && doc.meta.subtitle && <div className="muted">{doc.meta.subtitle}</div>}
          </div>
          <span className={`save-state ${saveState}`} role="status" aria-live="polite" title={saveMessage}>
            {SAVE_LABEL[saveState]}
          </span>
          <button type="button" onClick={() => void flushRef.current?.(false)} title="保存 (Ctrl+S)">保存</button>
          {doc.kind === 'notice' && <ExportBar documentId={doc.id} template="notice" beforeExport={() => flushRef.current?.(true) ?? Promise.resolve()} onError={props.onError} />}
        </header>
        {doc.kind === 'notice' && <NoticeForm meta={doc.meta} onChange={(patch) => void saveMeta(patch)} />}
        {doc.kind === 'notice' && (
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
        <CaseEditor
          key={`${doc.id}:${editorKey}:${part}`}
          documentId={`${doc.id}:${editorKey}:${part}`}
          initialState={part === 'body' ? bodyState.current : attachments.current[part]!.editorState}
          save={(state, autosave) => save(state, autosave, undefined, part === 'body' ? undefined : part)}
          onSaveState={(s, m) => {
            setSaveState(s);
            setSaveMessage(m);
            if (s === 'saved') props.onChanged();
          }}
          registerFlush={(f) => (flushRef.current = f)}
          createComment={createComment}
          reviewerName={props.reviewerName}
          setReviewerName={props.setReviewerName}
          onEditor={(e) => {
            editorRef.current = e;
            setEditor(e);
          }}
          placeholder={doc.kind === 'notice' ? (part === 'body' ? '在此输入通知正文…' : '在此输入附件内容…') : undefined}
        />
      </section>
      <aside className="right-panel" aria-label="属性面板">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'meta'} onClick={() => setTab('meta')}>{doc.kind === 'notice' ? '版面预览' : '元数据'}</button>
          <button type="button" role="tab" aria-selected={tab === 'comments'} onClick={() => setTab('comments')}>批注{threads.filter((t) => !t.resolved).length ? `（${threads.filter((t) => !t.resolved).length}）` : ''}</button>
          <button type="button" role="tab" aria-selected={tab === 'revisions'} onClick={() => { setTab('revisions'); void loadRevisions(); }}>版本</button>
        </div>
        <div className="tab-body">
          {tab === 'meta' && doc.kind === 'case' && <MetaPanel meta={doc.meta} categories={props.categories} onChange={(patch) => void saveMeta(patch)} />}
          {tab === 'meta' && doc.kind === 'notice' && <NoticePreview meta={doc.meta} editor={part === 'body' ? editor : null} />}
          {tab === 'comments' && (
            <CommentsPanel
              threads={threads}
              reviewerName={props.reviewerName}
              onFocus={focusThread}
              onReply={async (threadId, text) => {
                await api('comments.reply', { threadId, text, author: props.reviewerName ?? '审阅人' });
                await loadThreads();
              }}
              onResolve={async (threadId, resolved) => {
                await api('comments.resolve', { threadId, resolved });
                await loadThreads();
                props.onChanged();
              }}
              onDelete={async (threadId) => {
                await api('comments.delete', { threadId });
                editorRef.current?.update(() => $removeCommentMarks(threadId));
                await loadThreads();
                props.onChanged();
              }}
            />
          )}
          {tab === 'revisions' && (
            <RevisionsPanel
              revisions={revisions}
              onSaveRevision={() => void flushRef.current?.(false).then(loadRevisions)}
              onRestore={async (revisionId) => {
                try {
                  adopt(await api('revisions.restore', { documentId, revisionId }));
                  void loadRevisions();
                  props.onChanged();
                } catch (e) {
                  props.onError((e as Error).message);
                }
              }}
            />
          )}
        </div>
      </aside>
    </div>
  );
}
