import { DATAFRAME_TYPES, type DataframeType } from '@core/spec/webhook-spec.ts';

/**
 * Shown while the spec has no dataframe_type (Sixtyfour's own examples send `specs: {}`):
 * the sandbox accepts it with an unknown row type, but Sixtyfour's docs call it required.
 */
export function DataframeTypeWarning({ onSet }: { onSet: (type: DataframeType) => void }) {
  return (
    <div className="notice notice--warning" role="status">
      <p>
        This spec has no <code>dataframe_type</code>. Sixtyfour&apos;s docs call{' '}
        <code>dataframe_type</code> required; without it the row type is unknown and any block may
        follow the webhook.
      </p>
      <div className="notice__actions">
        {DATAFRAME_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="button button--secondary"
            onClick={() => {
              onSet(type);
            }}
          >
            Set dataframe_type to {type}
          </button>
        ))}
      </div>
    </div>
  );
}
