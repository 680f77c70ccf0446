export type ErrorBody = { error: { code: string; message: string; details: unknown } };

export const errorBody = (code: string, message: string, details: unknown = {}): ErrorBody => ({
  error: { code, message, details },
});
