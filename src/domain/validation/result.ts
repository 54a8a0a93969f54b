export interface FieldError {
  code: string;
  field: string;
  /** Shown to the user, in Chinese. */
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, field: string, message: string): Checked<T> {
  return { ok: false, error: { code, field, message } };
}
