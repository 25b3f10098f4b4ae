/** The store's one error type: a refusal the caller can show as is; the API maps `code` onto its own codes. */
export type StoreErrorCode = 'not-found' | 'conflict' | 'invalid-input' | 'locked';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
