import { useId } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import {
  DATAFRAME_TYPE_DESCRIPTIONS,
  DATAFRAME_TYPES,
  type DataframeType,
} from '@core/spec/webhook-spec.ts';
import type { SpecFormValues } from '../model/spec-form-schema.ts';
import { DataframeTypeWarning } from './dataframe-type-warning.tsx';

/** LEAD or COMPANY, each with the one line on what it feeds downstream. */
export function DataframeTypeField({
  register,
  value,
  onSet,
}: {
  register: UseFormRegister<SpecFormValues>;
  value: DataframeType | undefined;
  onSet: (type: DataframeType) => void;
}) {
  const id = useId();
  return (
    <div className="dataframe-type">
      <h3 className="section-title" id={`${id}-label`}>
        Dataframe type
      </h3>
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="choice-group">
        {DATAFRAME_TYPES.map((type) => (
          <label key={type} className="choice">
            <input
              {...register('dataframe_type')}
              type="radio"
              value={type}
              className="choice__input"
              aria-labelledby={`${id}-${type}-title`}
              aria-describedby={`${id}-${type}-description`}
            />
            <span className="choice__text">
              <span id={`${id}-${type}-title`} className="choice__title">
                {type}
              </span>
              <span id={`${id}-${type}-description`} className="choice__description">
                {DATAFRAME_TYPE_DESCRIPTIONS[type]}
              </span>
            </span>
          </label>
        ))}
      </div>
      {value === undefined && <DataframeTypeWarning onSet={onSet} />}
    </div>
  );
}
