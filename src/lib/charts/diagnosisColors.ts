import type { DiagnosisLabel } from '../core/trial';

/** One colour per diagnosis label, shared by every view that colours trials by what their curves show. */
export const diagnosisColors: Record<DiagnosisLabel, string> = {
  'good fit': '#59a14f',
  underfit: '#9c755f',
  overfit: '#b07aa1',
  'not converged': '#edc948',
  unstable: '#f28e2b',
  diverged: '#e15759',
  stuck: '#76b7b2',
  pruned: '#bab0ac',
};
