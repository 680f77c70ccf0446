export type DomainErrorDetails = Readonly<Record<string, unknown>>;

/** A refused decision. `code` is stable and documented; the HTTP layer maps it to a status once. */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
