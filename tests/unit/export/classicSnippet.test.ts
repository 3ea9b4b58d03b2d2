import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { classicSnippet, modelSnippet } from '../../../src/lib/export/classicSnippet';

const source = { name: 'Trial 3', validationLoss: 0.25 };
const classes = { featureCount: 2, classCount: 2, trainingRows: 200 };
const regression = { featureCount: 1, classCount: 0, trainingRows: 50 };
const settings = (changes: Partial<ModelSettings>): ModelSettings => ({ ...defaultModelSettings, ...changes });

describe('classicSnippet(settings, data, source)', () => {
  it('says plainly why there is no TF.js code, and names the trial and its score', () => {
    const code = classicSnippet(settings({ kind: 'tree' }), classes, source);
    expect(code.split('\n')[0]).toBe('# Trial 3 from the Tuning Playground — validation loss 0.2500.');
    expect(code).toContain('TF.js has no decision trees');
  });

  it('writes a tree, a forest, boosting and k-NN with the same settings under scikit-learn\'s names', () => {
    expect(classicSnippet(settings({ kind: 'tree', maxDepth: 0, minSamplesLeaf: 3, criterion: 'entropy' }), classes, source))
      .toContain("model = DecisionTreeClassifier(max_depth=None, min_samples_leaf=3, criterion='entropy', random_state=0)");
    expect(classicSnippet(settings({ kind: 'forest', treeCount: 100, maxDepth: 6, splitFeatures: 'half', bootstrap: false }), regression, source))
      .toContain('model = RandomForestRegressor(n_estimators=100, max_depth=6, min_samples_leaf=1, max_features=0.5, bootstrap=False, random_state=0)');
    expect(classicSnippet(settings({ kind: 'boosting', learningRate: 0.1, epochs: 80, maxDepth: 2, subsample: 0.8 }), classes, source))
      .toContain('model = GradientBoostingClassifier(learning_rate=0.1, n_estimators=80, max_depth=2, min_samples_leaf=1, subsample=0.8, random_state=0)');
    expect(classicSnippet(settings({ kind: 'knn', neighbors: 7, weighting: 'distance' }), regression, source))
      .toContain("model = KNeighborsRegressor(n_neighbors=7, weights='distance')");
  });

  it("converts a linear model's alpha to scikit-learn's scaling: C = 1/(n·alpha) for logistic, n·alpha for Ridge, alpha for Lasso", () => {
    const logistic = classicSnippet(settings({ kind: 'linear', penalty: 'l1', alpha: 0.01, degree: 3 }), classes, source);
    expect(logistic).toContain("make_pipeline(PolynomialFeatures(degree=3, include_bias=False), StandardScaler(), LogisticRegression(penalty='l1', C=0.5, solver='saga', max_iter=1000))");
    expect(classicSnippet(settings({ kind: 'linear', penalty: 'l2', alpha: 0.1, degree: 1 }), regression, source)).toContain('make_pipeline(StandardScaler(), Ridge(alpha=5))');
    expect(classicSnippet(settings({ kind: 'linear', penalty: 'l1', alpha: 0.1, degree: 1 }), regression, source)).toContain('Lasso(alpha=0.1)');
    expect(classicSnippet(settings({ kind: 'linear', penalty: 'elasticNet', alpha: 0.1, l1Ratio: 0.3 }), regression, source)).toContain('ElasticNet(alpha=0.1, l1_ratio=0.3)');
    expect(classicSnippet(settings({ kind: 'linear', penalty: 'l2', alpha: 0 }), regression, source)).toContain('LinearRegression()');
  });

  it('gives TF.js code for the MLP and scikit-learn code for every classic family', () => {
    expect(modelSnippet(settings({ kind: 'mlp' }), classes, source).language).toBe('TF.js');
    for (const kind of ['linear', 'tree', 'forest', 'boosting', 'knn'] as const) {
      const snippet = modelSnippet(settings({ kind }), classes, source);
      expect(snippet.language).toBe('scikit-learn');
      expect(snippet.code).toContain('model.fit(X_train, y_train)');
      expect(snippet.code).not.toContain('tf.');
    }
  });
});
