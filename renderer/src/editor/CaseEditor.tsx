/**
 * One editor per document body (never a whole anthology): Lexical with Huibian's nodes,
 * the toolbar, autosave, cleaned paste, comment marks, punctuation review and 字数.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { EditorState, LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { EDITOR_NODES } from './nodes/index.js';
import { editorTheme } from './theme.js';
import { Toolbar } from './Toolbar.js';
import { PastePlugin } from './plugins/PastePlugin.js';
import { RolePlugin } from './plugins/RolePlugin.js';
import { AutosavePlugin, type SaveOptions, type SaveState } from './plugins/AutosavePlugin.js';
import { FindPlugin } from './plugins/FindPlugin.js';
import { $markSelectionForComment, $removeCommentMarks } from './commands.js';
import { OPEN_PROOF_COMMAND, ProofPlugin } from './plugins/ProofPlugin.js';
import { CollabPlugin, liveTeamDoc } from './plugins/CollabPlugin.js';
import { addTeamThread, teamAnchorForSelection, type TeamAnchor } from './plugins/TeamThreads.js';
import type { TeamSession } from './plugins/CollabPlugin.js';
import { lexicalToBlocks } from '../../../electron/core/model/lexical.js';
import type { Block } from '../../../electron/core/model/types.js';

export interface CaseEditorProps {
  /** Remount key: a new document or a restored revision gives a new editor. */
  documentId: string;
  initialState: Record<string, unknown>;
  /** Stores the state; returns when stored. */
  save: (state: Record<string, unknown>, autosave: boolean, options?: SaveOptions) => Promise<void>;
  onSaveState: (state: SaveState, error?: unknown) => void;
  /** 字数 of the document with this editor's blocks (the one count of electron/core/model). */
  charCount: (blocks: Block[]) => number;
  /** Locked (定稿): the text can be read and commented on, not changed. */
  readOnly?: boolean;
  registerFlush: (flush: (autosave: boolean) => Promise<void>) => void;
  /** Creates the thread for a new comment mark; resolves false when the user cancelled. */
  createComment: (threadId: string, quote: string, text: string) => Promise<void>;
  reviewerName: string | null;
  setReviewerName: (name: string) => Promise<void>;
  onEditor?: (editor: LexicalEditor) => void;
  placeholder?: string;
  /** A case shared with a team: the text comes from and goes to the team server (CollabPlugin). */
  team?: TeamSession | null;
}

function newThreadId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function CaseEditor(props: CaseEditorProps): JSX.Element {
  const { documentId, initialState } = props;
  const initialConfig = useMemo(
    () => ({
      namespace: 'huibian-case',
      theme: editorTheme,
      nodes: EDITOR_NODES,
      // Shared: the team document is the text, the collaboration binding fills the editor.
      editorState: props.team ? null : JSON.stringify(initialState),
      editable: !props.readOnly,
      onError: (error: Error) => console.error(error),
    }),
    // The composer reads its config once; a new document remounts the component.

    [documentId],
  );
  const editorRef = useRef<LexicalEditor | null>(null);
  const [chars, setChars] = useState(0);
  const [pendingComment, setPendingComment] = useState<null | { id: string; quote: string; team?: TeamAnchor }>(null);
  const [commentText, setCommentText] = useState('');
  const [nameDraft, setNameDraft] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const propsRef = useRef(props);
  propsRef.current = props;
  const save = useCallback(async (state: EditorState, autosave: boolean, options?: SaveOptions) => propsRef.current.save(state.toJSON() as unknown as Record<string, unknown>, autosave, options), []);
  const onState = useCallback((s: SaveState, e?: unknown) => propsRef.current.onSaveState(s, e), []);
  const registerFlush = useCallback((f: (autosave: boolean) => Promise<void>) => propsRef.current.registerFlush(f), []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    props.onEditor?.(editor);
    // The model's count over the model's blocks, so that the revisions list agrees; a pause after typing is enough.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const count = () => setChars(propsRef.current.charCount(lexicalToBlocks(editor.getEditorState().toJSON())));
    count();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (!dirtyElements.size && !dirtyLeaves.size) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(count, 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };

  }, [documentId]);

  useEffect(() => {
    editorRef.current?.setEditable(!props.readOnly);
  }, [props.readOnly]);

  const startComment = () => {
    const editor = editorRef.current;
    if (!editor) return;
    const id = newThreadId();
    const teamDoc = props.team ? liveTeamDoc(props.team.documentId) : null;
    if (teamDoc) {
      // A shared case: the thread goes into the team document, anchored beside the text (no mark).
      const team = teamAnchorForSelection(editor, teamDoc);
      if (!team) {
        setNotice('请先选中要批注的文字');
        return;
      }
      setNotice(null);
      setCommentText('');
      setPendingComment({ id, quote: team.quote, team });
      return;
    }
    let quote: string | null = null;
    editor.update(() => {
      quote = $markSelectionForComment(id);
    }, { discrete: true });
    if (!quote) {
      setNotice('请先选中要批注的文字');
      return;
    }
    setNotice(null);
    setCommentText('');
    setPendingComment({ id, quote });
  };

  const cancelComment = () => {
    if (pendingComment && !pendingComment.team) editorRef.current?.update(() => $removeCommentMarks(pendingComment.id));
    setPendingComment(null);
  };

  const submitComment = async () => {
    if (!pendingComment || !commentText.trim()) return;
    if (!props.reviewerName) {
      if (!nameDraft.trim()) {
        setNotice('请先填写审阅人姓名');
        return;
      }
      await props.setReviewerName(nameDraft.trim());
    }
    try {
      const teamDoc = pendingComment.team && props.team ? liveTeamDoc(props.team.documentId) : null;
      if (pendingComment.team && teamDoc) addTeamThread(teamDoc, pendingComment.team, pendingComment.id, props.reviewerName ?? (nameDraft.trim() || '审阅人'), commentText.trim());
      else await props.createComment(pendingComment.id, pendingComment.quote, commentText.trim());
      setPendingComment(null);
    } catch (error) {
      setNotice(`批注未能保存：${(error as Error).message}`);
    }
  };

  // The 校对 button opens the release gate's panel (ProofPlugin) on the text as it stands.
  const openProof = () => editorRef.current?.dispatchCommand(OPEN_PROOF_COMMAND, undefined);

  return (
    <LexicalComposer key={documentId} initialConfig={initialConfig}>
      <div className="editor-shell">
        {!props.readOnly && <Toolbar onComment={startComment} onPunctuation={openProof} />}
        {notice && (
          <div className="editor-notice" role="status">
            {notice}
            <button type="button" onClick={() => setNotice(null)}>知道了</button>
          </div>
        )}
        {pendingComment && (
          <form className="comment-form" onSubmit={(e) => { e.preventDefault(); void submitComment(); }}>
            <div className="comment-quote">“{pendingComment.quote.slice(0, 80)}”</div>
            {!props.reviewerName && <input value={nameDraft} onChange={(e) => setNameDraft(e.target.value)} placeholder="审阅人姓名（只需填写一次）" aria-label="审阅人姓名" />}
            <textarea autoFocus value={commentText} onChange={(e) => setCommentText(e.target.value)} placeholder="批注内容" aria-label="批注内容" />
            <div className="row">
              <button type="submit" className="primary">添加批注</button>
              <button type="button" onClick={cancelComment}>取消</button>
            </div>
          </form>
        )}
        <ProofPlugin editorKey={documentId} readOnly={props.readOnly} />
        <FindPlugin />
        <div className="editor-scroll" tabIndex={0} role="region" aria-label="正文页面">
          <div className="page">
            <RichTextPlugin
              contentEditable={<ContentEditable className="editor-content" aria-label="正文编辑区" spellCheck={false} />}
              placeholder={<div className="editor-placeholder">{props.placeholder ?? '在此输入正文…'}</div>}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
        </div>
        <div className="editor-status">
          <span className="char-count">字数：{chars}</span>
        </div>
      </div>
      {props.team ? <CollabPlugin session={props.team} user={props.reviewerName} readOnly={props.readOnly} /> : <HistoryPlugin />}
      <ListPlugin />
      <TablePlugin hasCellMerge hasCellBackgroundColor={false} />
      <LinkPlugin />
      <PastePlugin />
      <RolePlugin />
      <EditorRefPlugin editorRef={editorRef} />
      <AutosavePlugin save={save} onState={onState} registerFlush={registerFlush} />
    </LexicalComposer>
  );
}
