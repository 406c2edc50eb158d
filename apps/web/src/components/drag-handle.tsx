import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import type { Ref } from 'react';
import { GripIcon } from '../icons';

type DragHandleProps = {
  /** What a screen reader hears, e.g. "Move “Export as CSV”". */
  label: string;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  handleRef?: Ref<HTMLButtonElement>;
  disabled?: boolean;
  className?: string;
};

/** The grip a row or card is dragged by (mouse, touch, or the keyboard through dnd-kit). */
export const DragHandle = ({
  label,
  attributes,
  listeners,
  handleRef,
  disabled,
  className,
}: DragHandleProps) => (
  <button
    ref={handleRef}
    type="button"
    className={className ? `drag-handle ${className}` : 'drag-handle'}
    aria-label={label}
    disabled={disabled}
    {...attributes}
    {...listeners}
  >
    <GripIcon />
  </button>
);
