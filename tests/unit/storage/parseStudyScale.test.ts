import { describe, expect, it } from 'vitest';
import { maxStudyCharacters, parseStudyJson } from '../../../src/lib/storage/exportStudy';

const head = '{"format":"tuning-playground/study@1","seed":1,"backend":"cpu","dataset":{"name":"spiral","samples":200,"noise":0.1,"split":{"train":0.6,"validation":0.2,"test":0.2}},"model":{},"space":[{"name":"learningRate","type":"log","low":0.0001,"high":1}],"strategy":{"name":"random"},"objective":{"metric":"validationLoss","direction":"minimize"}';

function studyText(trials: string[]): string {
  return `${head},"trials":[${trials.join(',')}]}`;
}

describe('parseStudyJson at scale', () => {
  it('reads a study of 200,000 trials under the size limit', () => {
    const trials = Array.from({ length: 200_000 }, (_, index) => `{"id":${index + 1},"params":{"learningRate":0.01},"state":"complete","value":0.5,"durationMs":1,"epochs":[]}`);
    const text = studyText(trials);
    expect(text.length).toBeLessThanOrEqual(maxStudyCharacters);
    const parsed = parseStudyJson(text);
    expect(parsed.ok && parsed.study.trials.length).toBe(200_000);
  });

  it('still refuses a forbidden key spelled with escapes, which the quick text check cannot see', () => {
    const trial = '{"id":1,"params":{"\\u005f_proto__":{"polluted":1}},"state":"complete","value":0.5,"durationMs":1,"epochs":[]}';
    const parsed = parseStudyJson(studyText([trial]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/__proto__/);
    const plain = parseStudyJson(studyText(['{"id":1,"params":{"constructor":1},"state":"complete","value":0.5,"durationMs":1,"epochs":[]}']));
    expect(plain.ok).toBe(false);
  });
});
