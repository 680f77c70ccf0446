/** Polls `probe` until it stops throwing, up to `timeoutMs`: for projections, which are eventually consistent. */
export const eventually = async <T>(
  probe: () => T | Promise<T>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
};
