import { type RefObject, startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Judgement } from '@core/judge/judgement.ts';
import type { TextChange } from '@core/judge/text-change.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { LargeJsonEditorHandle } from '@web/lib/monaco/large-json-editor.tsx';
import { JudgeClient } from '@web/workers/judge-client.ts';
import { isBlankText } from '../model/editor-has-text.ts';
import { findingsToMarkers } from '../model/findings-to-markers.ts';
import { judgementFor, type LatestJudgement, specKeyOf } from '../model/judgement-for.ts';

/** Quiet time after the last change before the text is judged (a paste, a spec change). */
export const JUDGE_DEBOUNCE_MS = 150;
/**
 * Quiet time after a keystroke-sized edit: only the edit goes to the worker, which judges
 * the one row it falls in (well under a millisecond), so waiting longer would only delay
 * the markers; the newest request still wins when keys come faster than this.
 */
export const JUDGE_EDIT_DEBOUNCE_MS = 30;
/** Edits up to this many characters (typed, deleted or pasted) count as keystroke-sized. */
const SMALL_EDIT_CHARS = 200;
/** More changes than this since the last judgement: the whole text is as cheap to post. */
const MAX_POSTED_CHANGES = 500;

/** Set on the page when markers for a judgement are on the editor (read by the benchmark). */
export const JUDGED_MARK = 'inlet:payload-judged';

export type JudgedPayload = {
  /** Identifies the judged text in the worker (ask it for rows of this judgement). */
  judgeId: number;
  judgement: Judgement;
  durationMs: number;
  /** UTF-8 bytes of the judged text, as the request body would count them. */
  bytes: number;
  /** The editor's version of the judged text: its offsets hold for that version only. */
  version: number;
};

export type PayloadJudgeState =
  { status: 'empty' } | { status: 'judged'; judged: JudgedPayload } | { status: 'waiting' };

/**
 * Judges the editor's text in the worker on every edit (debounced, newest wins) and on every
 * change of the spec, and puts the findings on the editor as markers. The text is read
 * from the editor only when it is judged, never per keystroke.
 */
export function usePayloadJudge({
  editorRef,
  spec,
  onJudgedText,
}: {
  editorRef: RefObject<LargeJsonEditorHandle | null>;
  spec: SpecModel;
  /** The text just sent to be judged (for autosave). */
  onJudgedText?: (text: string) => void;
}) {
  const clientRef = useRef<JudgeClient | undefined>(undefined);
  const [state, setState] = useState<PayloadJudgeState>({ status: 'waiting' });
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  /** Each judge request's editor version, and its text and spec when read (for the run). */
  const requestsRef = useRef(
    new Map<number, { version: number; text: string | undefined; specKey: string }>(),
  );
  const latestRef = useRef<LatestJudgement | undefined>(undefined);
  /**
   * The editor's changes since the text the worker last got; undefined when it needs the
   * whole text (at first, after a replaced text, after it lost its copy).
   */
  const changesRef = useRef<TextChange[] | undefined>(undefined);
  const timerRef = useRef<number | undefined>(undefined);
  const specRef = useRef(spec);
  const onJudgedTextRef = useRef(onJudgedText);
  useEffect(() => {
    onJudgedTextRef.current = onJudgedText;
  });

  const judgeNow = useCallback(() => {
    timerRef.current = undefined;
    const editor = editorRef.current;
    const client = clientRef.current;
    if (!editor || !client) return;
    const changes = changesRef.current;
    const onJudgedText = onJudgedTextRef.current;
    // The text itself is read only when the worker needs it whole or the owner saves it.
    let text: string | undefined;
    let version: number;
    let length: number;
    if (changes === undefined || onJudgedText) {
      const snapshotStart = performance.now();
      const snapshot = editor.snapshot();
      performance.measure('inlet:payload-snapshot', { start: snapshotStart });
      ({ text, version } = snapshot);
      length = text.length;
      onJudgedText?.(text);
    } else {
      ({ length, version } = editor.textLength());
    }
    if (length === 0 || (text !== undefined && isBlankText(editor, text))) {
      requestsRef.current.clear();
      latestRef.current = undefined;
      changesRef.current = undefined;
      editor.setMarkers(version, []);
      setState({ status: 'empty' });
      setPending(false);
      return;
    }
    const id =
      changes === undefined || (text !== undefined && changes.length > MAX_POSTED_CHANGES)
        ? client.judge(text ?? editor.snapshot().text, specRef.current)
        : client.judgeEdits(changes, length, specRef.current);
    changesRef.current = [];
    requestsRef.current.set(id, { version, text, specKey: specKeyOf(specRef.current) });
  }, [editorRef]);

  const schedule = useCallback(
    (delay = JUDGE_DEBOUNCE_MS) => {
      if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(judgeNow, delay);
    },
    [judgeNow],
  );

  const handleContentChange = useCallback(
    (edits?: readonly TextChange[]) => {
      setPending(true);
      const changes = changesRef.current;
      if (edits === undefined || changes === undefined) {
        changesRef.current = undefined;
        schedule();
        return;
      }
      changes.push(...edits);
      const size = changes.reduce((sum, change) => sum + change.length + change.text.length, 0);
      schedule(size <= SMALL_EDIT_CHARS ? JUDGE_EDIT_DEBOUNCE_MS : JUDGE_DEBOUNCE_MS);
    },
    [schedule],
  );

  useEffect(() => {
    const client = new JudgeClient({
      onJudged: ({ id, judgement, durationMs, bytes }) => {
        const request = requestsRef.current.get(id);
        // Requests up to this one are answered or dropped as stale.
        for (const key of requestsRef.current.keys())
          if (key <= id) requestsRef.current.delete(key);
        if (!request) return;
        latestRef.current =
          request.text === undefined
            ? undefined
            : { text: request.text, specKey: request.specKey, judgement };
        const markersStart = performance.now();
        editorRef.current?.setMarkers(request.version, findingsToMarkers(judgement.findings));
        performance.measure('inlet:payload-markers', { start: markersStart });
        performance.mark(JUDGED_MARK);
        // The panels (problems, preview, status) follow in an interruptible render, so a
        // keystroke meanwhile is never held up by them.
        startTransition(() => {
          setFailure(undefined);
          setState({
            status: 'judged',
            judged: {
              judgeId: id,
              judgement,
              durationMs,
              bytes,
              version: request.version,
            },
          });
          setPending(false);
        });
      },
      onJudgeFailed: (message) => {
        setFailure(message);
        setPending(false);
      },
      onResync: () => {
        changesRef.current = undefined;
        judgeNow();
      },
    });
    clientRef.current = client;
    // The editor may have changed before the worker existed; this worker has no text yet.
    changesRef.current = undefined;
    schedule();
    return () => {
      if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
      client.dispose();
      clientRef.current = undefined;
    };
  }, [editorRef, schedule, judgeNow]);

  // A changed spec changes the verdict: judge again (debounced, as typing in the form is).
  useEffect(() => {
    specRef.current = spec;
  });
  const specKey = specKeyOf(spec);
  useEffect(() => {
    schedule();
  }, [specKey, schedule]);

  /** The judgement of `text` against `spec` for a run: the latest when it is of them. */
  const judgeForRun = useCallback(
    (text: string, judgedSpec: SpecModel): Promise<Judgement> =>
      judgementFor(latestRef.current, text, judgedSpec, (once, onceSpec) => {
        const client = clientRef.current;
        if (!client) {
          return Promise.reject(new Error('The judge is not running. Reload the page.'));
        }
        return client.judgeOnce(once, onceSpec);
      }),
    [],
  );

  return { state, pending, failure, clientRef, handleContentChange, judgeForRun };
}
