/**
 * Lessons on the classic model families, each trained by hand in a few variants on noisy moons:
 * a tree's depth against overfitting, and many weak trees (a forest, boosting) against one deep
 * tree; and Lasso against Ridge on polynomial features. Their claims are checked by `npm run check:lessons` (see lessonClaims.ts).
 */
import type { Lesson } from './lessonTypes';
import { formatNumber, mostOverfitRun, revealOf, type LessonRunResult, type LessonTrial } from './revealRules';

const last = (trials: readonly LessonTrial[] | undefined) => trials?.[0]?.epochs.at(-1);
const validationLoss = (trials: readonly LessonTrial[] | undefined) => last(trials)?.validationLoss ?? Infinity;

/** Whether the unlimited tree fits every training point and overfits most of the three depths. */
export function deepTreeMemorises(result: LessonRunResult): boolean {
  return last(result.runs.deep)?.trainAccuracy === 1 && mostOverfitRun(result) === 'deep';
}

/** Which of the forest and the boosted trees end below the single deep tree's validation loss: 'both', 'one' or 'neither'; null before a run. */
export function ensemblesBeatTree(result: LessonRunResult): 'both' | 'one' | 'neither' | null {
  const { tree, forest, boosting } = result.runs;
  if (!tree || !forest || !boosting) return null;
  const single = validationLoss(tree);
  const wins = [forest, boosting].filter((run) => validationLoss(run) < single).length;
  return wins === 2 ? 'both' : wins === 1 ? 'one' : 'neither';
}

const moons = { trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'moons', samples: 300, noise: 0.35, minSamplesLeaf: 1, criterion: 'gini', tab: 'train' } as const;

/** The lesson on a tree's depth: a deeper tree asks more questions and ends up memorising the noise. */
export const treeDepth: Lesson = {
  id: 'tree-depth',
  title: 'Trees: depth and overfitting',
  steps: [
    'A decision tree asks yes-or-no questions about the features ("is x below 0.3?") and answers with the majority class of the points that end in each leaf. Its depth is how many questions it may ask in a row.',
    'A shallow tree draws a few straight, axis-parallel cuts and may miss the shape (underfitting). A tree without a depth limit keeps splitting until every leaf is pure: it gets every training point right, noise included.',
    'Three trees learn the same noisy moons: depth 2, depth 3 and no limit. Which one shows the widest gap between validation and training loss?',
  ],
  preset: { ...moons, kind: 'tree' },
  smallPreset: {},
  run: {
    kind: 'models',
    variants: [
      { id: 'shallow', label: 'depth 2', settings: { maxDepth: 2 } },
      { id: 'medium', label: 'depth 3', settings: { maxDepth: 3 } },
      { id: 'deep', label: 'no depth limit', settings: { maxDepth: 0 } },
    ],
  },
  predictions: [
    {
      question: 'Which tree ends with the widest gap between validation and training loss?',
      choices: [
        { id: 'shallow', label: 'depth 2' },
        { id: 'medium', label: 'depth 3' },
        { id: 'deep', label: 'no depth limit' },
      ],
      reveal(guess, result) {
        const answer = mostOverfitRun(result);
        if (answer === null) return null;
        const rows = ['shallow', 'medium', 'deep'].map((id) => `${id}: train ${formatNumber(last(result.runs[id])?.trainLoss ?? NaN)}, validation ${formatNumber(validationLoss(result.runs[id]))}`);
        return revealOf(guess, answer, `${rows.join('; ')}. The unlimited tree's leaves are pure, so it is certain — and wrong — about every noisy validation point that falls in the other class's leaf.`);
      },
    },
  ],
  references: ['L. Breiman, J. Friedman, R. Olshen and C. Stone, "Classification and Regression Trees", Wadsworth, 1984.'],
  teacherNote: {
    question: 'The unlimited tree gets 100% of the training points right. Why is that not good news?',
    misconception: 'That a perfect training score means a perfect model.',
    pointAt: 'The boundary of the unlimited tree: small islands of one colour around single noisy points.',
  },
};

/** The lesson on ensembles: averaging many deep trees (a forest) or adding many small ones (boosting) beats one deep tree. */
export const manyWeakModels: Lesson = {
  id: 'forests-boosting',
  title: 'Forests and boosting: many weak models',
  steps: [
    'One deep tree memorises its training points, and a slightly different sample would give a very different tree: it has high variance.',
    'A random forest grows many deep trees, each on a bootstrap sample and looking at random features per split, and averages them: their mistakes differ, so they cancel out. Gradient boosting goes the other way: it adds many small trees one after another, each correcting what the previous ones still get wrong, in small steps (the learning rate).',
    'Three models learn the same noisy moons: one tree without depth limit, a forest of 50 such trees, and 100 rounds of boosting with trees of depth 2. Which of them end with a lower validation loss than the single tree?',
  ],
  preset: { ...moons, maxDepth: 0 },
  smallPreset: {},
  run: {
    kind: 'models',
    variants: [
      { id: 'tree', label: 'one tree, no depth limit', settings: { kind: 'tree', maxDepth: 0 } },
      { id: 'forest', label: 'forest of 50 trees', settings: { kind: 'forest', treeCount: 50, maxDepth: 0, splitFeatures: 'sqrt', bootstrap: true } },
      { id: 'boosting', label: 'boosting, 100 rounds of depth 2', settings: { kind: 'boosting', epochs: 100, learningRate: 0.1, maxDepth: 2, subsample: 1, patience: 0 } },
    ],
  },
  predictions: [
    {
      question: 'Which of the two ensembles end with a lower validation loss than the single deep tree?',
      choices: [
        { id: 'both', label: 'both the forest and boosting' },
        { id: 'one', label: 'only one of them' },
        { id: 'neither', label: 'neither: one good tree is enough' },
      ],
      reveal(guess, result) {
        const answer = ensemblesBeatTree(result);
        if (answer === null) return null;
        const rows = ['tree', 'forest', 'boosting'].map((id) => `${id} ${formatNumber(validationLoss(result.runs[id]))}`);
        return revealOf(guess, answer, `Validation losses: ${rows.join(', ')}. Watch the forest's curve fall as trees are added, and boosting's as rounds are added.`);
      },
    },
  ],
  references: [
    'L. Breiman, "Random Forests", Machine Learning 45 (2001) 5–32.',
    'J. H. Friedman, "Greedy Function Approximation: A Gradient Boosting Machine", Annals of Statistics 29 (2001) 1189–1232.',
  ],
  teacherNote: {
    question: 'Each tree of the forest overfits on its own. How can their average not overfit?',
    misconception: 'That more trees in a forest means more overfitting.',
    pointAt: "The forest's learning curve: one point per tree, the validation loss falling as the average settles.",
  },
};

/** Which penalty ends with the higher training loss at the same alpha: 'lasso', 'ridge' or 'same' (within 1%); null before a run. */
export function strongerPenalty(result: LessonRunResult): 'lasso' | 'ridge' | 'same' | null {
  const lasso = last(result.runs.lasso)?.trainLoss;
  const ridge = last(result.runs.ridge)?.trainLoss;
  if (lasso === undefined || ridge === undefined) return null;
  if (Math.abs(lasso - ridge) <= 0.01 * Math.max(lasso, ridge)) return 'same';
  return lasso > ridge ? 'lasso' : 'ridge';
}

/** The lesson on L1 against L2: at the same strength, Lasso drops terms (weights exactly zero) and fits the training points less closely. */
export const lassoRidge: Lesson = {
  id: 'lasso-ridge',
  title: 'Lasso versus Ridge',
  steps: [
    'A linear model on polynomial features (x, x², … x⁹) can bend to follow a curve, and with few noisy points it bends too much. A penalty on the weights holds it back: the loss plus alpha times the size of the weights.',
    'Ridge (L2) charges the squared weights: it shrinks every weight a little and never quite to zero. Lasso (L1) charges their absolute values: small weights are not worth keeping, so it sets them to exactly zero and keeps only a few terms.',
    'Two models fit the same noisy sine with the same alpha, 0.05: Ridge and Lasso. Which one fits the training points less closely (a higher training loss)? After the run, open the coefficient view under the curves to see which weights each keeps.',
  ],
  preset: { trainFraction: 0.6, validationFraction: 0.2, testFraction: 0.2, dataset: 'sine', samples: 100, noise: 0.2, kind: 'linear', degree: 9, alpha: 0.05, tab: 'train' },
  smallPreset: {},
  run: {
    kind: 'models',
    variants: [
      { id: 'ridge', label: 'Ridge (L2), alpha 0.05', settings: { penalty: 'l2' } },
      { id: 'lasso', label: 'Lasso (L1), alpha 0.05', settings: { penalty: 'l1' } },
    ],
  },
  predictions: [
    {
      question: 'At the same alpha, which model ends with the higher training loss?',
      choices: [
        { id: 'ridge', label: 'Ridge' },
        { id: 'same', label: 'about the same (within 1%)' },
        { id: 'lasso', label: 'Lasso' },
      ],
      reveal(guess, result) {
        const answer = strongerPenalty(result);
        if (answer === null) return null;
        const rows = ['ridge', 'lasso'].map((id) => `${id}: train ${formatNumber(last(result.runs[id])?.trainLoss ?? NaN)}, validation ${formatNumber(validationLoss(result.runs[id]))}`);
        return revealOf(guess, answer, `${rows.join('; ')}. On standardised features the weights are small, and for a weight below 2 its absolute value costs more than half its square: Lasso gives up more of the fit, and drops whole terms.`);
      },
    },
  ],
  references: ['R. Tibshirani, "Regression Shrinkage and Selection via the Lasso", Journal of the Royal Statistical Society B 58 (1996) 267–288.'],
  teacherNote: {
    question: 'If you had to explain the curve to someone, which model would you rather show: the one that keeps all nine terms or the one that keeps only a few?',
    misconception: 'That L1 and L2 are two strengths of the same thing: they shrink differently, and only L1 selects features.',
    pointAt: 'The coefficient path: the Lasso lines hitting zero one by one as alpha grows, the Ridge lines bending towards zero without reaching it.',
  },
};
