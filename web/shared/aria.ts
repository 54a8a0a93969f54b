// Accessible names where antd's typings leave no room for them.
import type { CheckboxProps } from 'antd';

/**
 * Props naming a table's selection checkbox (rowSelection.getCheckboxProps / getTitleCheckboxProps):
 * antd passes them on to the <input>, but its CheckboxProps type does not list aria-label.
 */
export function ariaLabel(label: string): CheckboxProps {
  return { 'aria-label': label } as CheckboxProps;
}
