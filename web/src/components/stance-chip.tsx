import { STANCE_LABELS } from '../stances';
import type { Stance } from '../types';

export const StanceChip = ({ stance }: { stance: Stance | null }) =>
  stance ? (
    <span class={`chip stance-${stance}`}>{STANCE_LABELS[stance]}</span>
  ) : (
    <span class="chip stance-none">no position</span>
  );
