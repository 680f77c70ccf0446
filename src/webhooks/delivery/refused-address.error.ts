export class RefusedAddressError extends Error {
  readonly code = 'WEBHOOK.ADDRESS_REFUSED';

  constructor(reason: string) {
    super(reason);
    this.name = 'RefusedAddressError';
  }
}
