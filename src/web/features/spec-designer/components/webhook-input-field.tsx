import { useId } from 'react';
import { type Control, Controller, useFormState } from 'react-hook-form';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { JsonEditor } from '@web/lib/monaco/json-editor.tsx';
import type { SpecFormValues } from '../model/spec-form-schema.ts';

const WEBHOOK_INPUT_URI = 'inmemory://inlet/webhook-input.json';

/** `webhook_input`: the default sample payload, a string of JSON edited as JSON. */
export function WebhookInputField({
  control,
}: {
  control: Control<SpecFormValues, unknown, SpecModel>;
}) {
  const id = useId();
  const { errors } = useFormState({ control, name: 'webhook_input' });
  const error = errors.webhook_input?.message;
  return (
    <div className="webhook-input">
      <h3 className="section-title" id={`${id}-label`}>
        Default sample payload <code className="inline-code">webhook_input</code>
      </h3>
      <p className="section-hint" id={`${id}-hint`}>
        Used when a run carries no <code className="inline-code">webhook_payload</code>: one JSON
        object, or an array of rows. Leave it empty for none.
      </p>
      <Controller
        name="webhook_input"
        control={control}
        render={({ field }) => (
          <JsonEditor
            modelUri={WEBHOOK_INPUT_URI}
            value={field.value ?? ''}
            onChange={(text) => {
              field.onChange(text === '' ? undefined : text);
            }}
            ariaLabel="Default sample payload (webhook_input), JSON"
            describedBy={error ? `${id}-error` : `${id}-hint`}
            compact
            placeholder='[{"email": "ada@example.com", "company": "Analytical Engines"}]'
            className={error ? 'json-editor--invalid' : undefined}
          />
        )}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
