/**
 * Versioned migrations of the study format: each step turns a study of one version into the
 * next, so a file of any earlier version (saved in IndexedDB or exported) is read as the current
 * one. study@1 → study@2: study@2 adds conditional dimensions (a dimension's `when`) and lets a
 * trial leave out a dimension that was inactive for it; a study@1 file has neither, so its
 * content carries over unchanged and only its version moves on.
 */

/** The format this code writes. */
export const currentStudyFormat = 'tuning-playground/study@2';

/** One migration step: the version it reads, the version it writes, and how. */
interface MigrationStep {
  from: string;
  to: string;
  /** Returns the study in the next version; throws a message when the study breaks its own version. */
  migrate(study: Record<string, unknown>): Record<string, unknown>;
}

const steps: readonly MigrationStep[] = [
  {
    from: 'tuning-playground/study@1',
    to: 'tuning-playground/study@2',
    migrate(study) {
      if (Array.isArray(study.space)) {
        study.space.forEach((dimension, index) => {
          if (typeof dimension === 'object' && dimension !== null && Object.hasOwn(dimension, 'when')) {
            throw new Error(`space[${index}].when is not a field of study@1 (conditional dimensions came with study@2)`);
          }
        });
      }
      return { ...study, format: 'tuning-playground/study@2' };
    },
  },
];

/** Every format version this code reads, oldest first; the last is currentStudyFormat. */
export const readableStudyFormats: readonly string[] = [...steps.map((step) => step.from), currentStudyFormat];

/** The study migrated step by step from its version to currentStudyFormat (the same object when already current); throws an error of the given class on an unknown version or a broken step. */
export function migrateStudy(study: Record<string, unknown>, error: new (message: string) => Error = Error): Record<string, unknown> {
  let migrated = study;
  try {
    for (const step of steps) if (migrated.format === step.from) migrated = step.migrate(migrated);
  } catch (broken) {
    throw new error(`${broken instanceof Error ? broken.message : String(broken)}.`);
  }
  if (migrated.format !== currentStudyFormat) throw new error(`format must be one of ${readableStudyFormats.map((format) => `"${format}"`).join(', ')}.`);
  return migrated;
}
