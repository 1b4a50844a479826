import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type DeepPartial, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { specModelIssues } from '@core/spec/spec-issues.ts';
import type { Column, DataframeType, SpecModel } from '@core/spec/webhook-spec.ts';
import { specFormSchema, type SpecFormValues } from '../model/spec-form-schema.ts';
import { readSpecText, sameSpecModel, specModelToText } from '../model/spec-text.ts';

export type SpecChange = {
  model: SpecModel;
  /** The JSON editor's text when it says something other than the model's own text. */
  jsonText?: string;
};

/** Reads the form's values as a model, whatever partial shape a watcher hands over. */
function toModel(values: DeepPartial<SpecFormValues> | undefined): SpecModel {
  const columns = (values?.columns ?? []).map((column) => ({
    name: column?.name ?? '',
    type: column?.type ?? 'string',
    required: column?.required ?? false,
    description: column?.description ?? '',
  }));
  return {
    columns,
    // None checked (a spec opened as `{}`): the row type stays unknown, as in the spec.
    ...(values?.dataframe_type ? { dataframe_type: values.dataframe_type } : {}),
    ...(values?.webhook_input === undefined ? {} : { webhook_input: values.webhook_input }),
  };
}

type JsonDraft = { text: string; model: SpecModel };

/**
 * The designer's state: a react-hook-form form is the source of truth; the JSON editor's
 * text is derived from it, except while the user's own JSON text stands for the same model
 * (or does not parse), so typing in the JSON editor is never rewritten under the cursor.
 */
export function useSpecDesigner({
  initialModel,
  initialJsonText,
  onChange,
}: {
  initialModel: SpecModel;
  initialJsonText?: string;
  onChange: (change: SpecChange) => void;
}) {
  const form = useForm<SpecFormValues, unknown, SpecModel>({
    resolver: zodResolver(specFormSchema),
    defaultValues: initialModel,
    mode: 'onChange',
  });
  // One field array for the form (react-hook-form wants one per name): the columns table
  // edits through it, and changes from outside append through it, so existing rows keep
  // their ids, their DOM and any focus inside them.
  const columns = useFieldArray({ control: form.control, name: 'columns' });
  const watched = useWatch({ control: form.control });
  const model = useMemo(() => toModel(watched), [watched]);
  const modelText = useMemo(() => specModelToText(model), [model]);

  const [jsonDraft, setJsonDraft] = useState<JsonDraft | undefined>(() =>
    initialJsonText === undefined ? undefined : { text: initialJsonText, model: initialModel },
  );
  // The user's JSON text stands while the form still holds what that text last gave it;
  // any edit in the form replaces it with the model's own text.
  const jsonText = jsonDraft && sameSpecModel(jsonDraft.model, model) ? jsonDraft.text : modelText;
  const jsonReading = useMemo(() => readSpecText(jsonText), [jsonText]);
  const issues = useMemo(() => specModelIssues(model), [model]);

  const { reset, setValue, trigger } = form;
  // Validate the whole form on every change: a rename can end a clash in another row.
  useEffect(() => {
    void trigger();
  }, [model, trigger]);

  const modelRef = useRef(model);
  useEffect(() => {
    modelRef.current = model;
  }, [model]);

  const handleJsonChange = useCallback(
    (text: string) => {
      const reading = readSpecText(text);
      const current = modelRef.current;
      if (reading.status === 'ok') {
        if (!sameSpecModel(reading.model, current)) {
          reset(reading.model);
          modelRef.current = reading.model;
        }
        setJsonDraft({ text, model: reading.model });
      } else {
        // Broken or invalid JSON never reaches the form: it keeps its last valid state.
        setJsonDraft({ text, model: current });
      }
    },
    [reset],
  );

  const replaceModel = useCallback(
    (next: SpecModel) => {
      reset(next);
      modelRef.current = next;
      setJsonDraft(undefined);
    },
    [reset],
  );

  // Changes from outside the designer (the payload workbench) go in as edits, not as a new
  // model: the form keeps its other edits, touched state and row ids, and the JSON editor
  // gets a minimal edit (cursor and undo survive). The user's own JSON text gives way to the
  // model's, as it does for any edit in the form.
  const { append } = columns;
  const addColumns = useCallback(
    (added: readonly Column[]) => {
      if (added.length === 0) return;
      setJsonDraft(undefined);
      // shouldFocus: the user is elsewhere (the payload workbench); do not pull focus here.
      append([...added], { shouldFocus: false });
    },
    [append],
  );
  const setDataframeType = useCallback(
    (type: DataframeType) => {
      setJsonDraft(undefined);
      setValue('dataframe_type', type, { shouldDirty: true, shouldValidate: true });
    },
    [setValue],
  );
  const setWebhookInput = useCallback(
    (text: string) => {
      setJsonDraft(undefined);
      // As the field itself stores it: an empty editor means no webhook_input.
      setValue('webhook_input', text === '' ? undefined : text, {
        shouldDirty: true,
        shouldValidate: true,
      });
    },
    [setValue],
  );

  // Report changes upward (drafts autosave) once per distinct content.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const userJson = jsonText === modelText ? undefined : jsonText;
  useEffect(() => {
    onChangeRef.current(userJson === undefined ? { model } : { model, jsonText: userJson });
  }, [model, userJson]);

  return {
    form,
    columns,
    model,
    issues,
    jsonText,
    jsonReading,
    handleJsonChange,
    replaceModel,
    addColumns,
    setWebhookInput,
    setDataframeType,
  };
}
