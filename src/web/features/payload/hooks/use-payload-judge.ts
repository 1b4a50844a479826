import { type RefObject, startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Judgement } from '../../../../core/judge/judgement.ts';
import type { SpecModel } from '../../../../core/spec/webhook-spec.ts';
import type { LargeJsonEditorHandle } from '../../../lib/monaco/large-json-editor.tsx';
import { JudgeClient } from '../../../workers/judge-client.ts';
import { findingsToMarkers } from '../model/findings-to-markers.ts';

/** Quiet time after the last keystroke before the text is judged. */
export const JUDGE_DEBOUNCE_MS = 150;

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
  const requestsRef = useRef(new Map<number, { version: number }>());
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
    const snapshotStart = performance.now();
    const { text, version } = editor.snapshot();
    performance.measure('inlet:payload-snapshot', { start: snapshotStart });
    onJudgedTextRef.current?.(text);
    if (text.trim() === '') {
      requestsRef.current.clear();
      editor.setMarkers(version, []);
      setState({ status: 'empty' });
      setPending(false);
      return;
    }
    const id = client.judge(text, specRef.current);
    requestsRef.current.set(id, { version });
  }, [editorRef]);

  const schedule = useCallback(() => {
    if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(judgeNow, JUDGE_DEBOUNCE_MS);
  }, [judgeNow]);

  const handleContentChange = useCallback(() => {
    setPending(true);
    schedule();
  }, [schedule]);

  useEffect(() => {
    const client = new JudgeClient({
      onJudged: ({ id, judgement, durationMs, bytes }) => {
        const request = requestsRef.current.get(id);
        // Requests up to this one are answered or dropped as stale.
        for (const key of requestsRef.current.keys())
          if (key <= id) requestsRef.current.delete(key);
        if (!request) return;
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
    });
    clientRef.current = client;
    // The editor may have changed before the worker existed.
    schedule();
    return () => {
      if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
      client.dispose();
      clientRef.current = undefined;
    };
  }, [editorRef, schedule]);

  // A changed spec changes the verdict: judge again (debounced, as typing in the form is).
  useEffect(() => {
    specRef.current = spec;
  });
  const specKey = JSON.stringify(spec);
  useEffect(() => {
    schedule();
  }, [specKey, schedule]);

  return { state, pending, failure, clientRef, handleContentChange };
}
