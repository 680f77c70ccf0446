/** Lets a polling loop sleep until rung or until the poll interval ends; a ring while awake is not lost. */
export class Doorbell {
  private wake: (() => void) | null = null;
  private rung = false;

  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  wait(ms: number): Promise<void> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.rung = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
