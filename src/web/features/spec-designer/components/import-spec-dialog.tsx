import { type ChangeEvent, type SyntheticEvent, useId, useState } from 'react';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { readImportText, type TextProblem } from '../model/spec-text.ts';

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type ImportSpecDialogProps = {
  open: boolean;
  hint: string;
  onClose: () => void;
  onImport: (model: SpecModel, suggestedName: string) => void;
};

/** Paste a spec (or a whole webhook block) or pick a file; problems are shown, nothing is lost. */
export function ImportSpecDialog({ open, hint, onClose, onImport }: ImportSpecDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Import spec"
      description="Paste a webhook block spec, a whole webhook block or a workflow with one webhook block, or choose a .json file."
      size="large"
    >
      <ImportForm hint={hint} onCancel={onClose} onImport={onImport} />
    </Dialog>
  );
}

function ImportForm({
  hint,
  onCancel,
  onImport,
}: {
  hint: string;
  onCancel: () => void;
  onImport: (model: SpecModel, suggestedName: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [problems, setProblems] = useState<TextProblem[] | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();

  const handleFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setProblems(undefined);
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a spec is a few kilobytes. Choose the spec file.`,
      );
      return;
    }
    file.text().then(
      (content) => {
        setText(content);
        setFileName(file.name);
      },
      () => {
        setFileError(`Could not read ${file.name}. Try again, or paste its text.`);
      },
    );
  };

  const handleSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reading = readImportText(text);
    if (reading.status !== 'ok') {
      setProblems(reading.problems);
      return;
    }
    const stem = fileName?.replace(/\.json$/i, '').trim();
    onImport(reading.model, stem || 'Imported spec');
  };

  return (
    <form className="dialog__form" onSubmit={handleSubmit} noValidate>
      <label className="field-label" htmlFor={`${id}-text`}>
        Spec JSON to import
      </label>
      <textarea
        id={`${id}-text`}
        className="input textarea input--mono"
        rows={12}
        value={text}
        spellCheck={false}
        aria-invalid={problems ? true : undefined}
        aria-describedby={problems ? `${id}-problems` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setProblems(undefined);
          setFileName(undefined);
        }}
        placeholder={'{\n  "input_schema": {"email": "string"},\n  "dataframe_type": "LEAD"\n}'}
      />
      <div className="dialog__file">
        <label className="field-label" htmlFor={`${id}-file`}>
          Or choose a file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={handleFile}
        />
      </div>
      {fileError && (
        <p className="field-error" role="alert">
          {fileError}
        </p>
      )}
      {problems && (
        <div id={`${id}-problems`} className="notice notice--error" role="alert">
          <p>
            <strong>Nothing was imported</strong>; your current spec is unchanged. Fix{' '}
            {problems.length === 1 ? 'this' : 'these'} and try again:
          </p>
          <ul>
            {problems.slice(0, 8).map((problem, index) => (
              <li key={index}>
                Line {problem.line}, column {problem.column}: {problem.message}
              </li>
            ))}
            {problems.length > 8 && <li>…and {problems.length - 8} more.</li>}
          </ul>
        </div>
      )}
      <p className="dialog__hint">{hint}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={text.trim() === ''}>
          Import
        </button>
      </div>
    </form>
  );
}
