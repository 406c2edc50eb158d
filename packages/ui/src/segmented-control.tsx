import { useId } from 'react';
import { cx } from './cx';

export type SegmentedOption<T extends string> = {
  value: T;
  label: string;
};

export type SegmentedControlProps<T extends string> = {
  label: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
  className?: string;
};

/** A single-choice switch built on native radio buttons, so arrow keys and forms work as usual. */
export const SegmentedControl = <T extends string>({
  label,
  value,
  options,
  onChange,
  className,
}: SegmentedControlProps<T>) => {
  const name = useId();
  return (
    <fieldset className={cx('ui-segmented', className)}>
      <legend className="ui-visually-hidden">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="ui-segmented__item">
          <input
            type="radio"
            className="ui-segmented__input"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <span className="ui-segmented__label">{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
};
