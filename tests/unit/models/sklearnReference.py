"""Reference numbers for tests/unit/models/*.test.ts, from scikit-learn (dev-time only).

Run: /usr/bin/python3 tests/unit/models/sklearnReference.py   (Debian bookworm python3-sklearn 1.2.1)
Data: sklearn's own iris and digits, which public/data/iris.json and digits.json reproduce
(digits pixels divided by 16, as decodeDigits does). Fixed splits: for digits, rows with
index % 4 == 0 are held out; the hand-made "wave" set is x_i = i / 10 (i = 0..59),
y = sin(x) + 0.3 cos(3.1 x), stored as float32 like a Dataset.
"""
import warnings

import numpy as np
from sklearn.datasets import load_digits, load_iris
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor, RandomForestClassifier
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge, lasso_path
from sklearn.metrics import log_loss
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.simplefilter("ignore")
np.set_printoptions(precision=8, suppress=True, linewidth=200)


def show(name, value):
    print(f"{name}: {np.array2string(np.asarray(value), separator=', ')}")


iris_x, iris_y = load_iris(return_X_y=True)
digits_x, digits_y = load_digits(return_X_y=True)
digits_x = digits_x / 16
held = np.arange(len(digits_y)) % 4 == 0
wave_x = (np.arange(60) / 10).astype(np.float32).astype(np.float64).reshape(-1, 1)
wave_y = np.float32(np.sin(wave_x[:, 0]) + 0.3 * np.cos(3.1 * wave_x[:, 0])).astype(np.float64)
grid = (np.arange(13) / 2 - 0.2).reshape(-1, 1)

print("== trees")
tree = DecisionTreeClassifier(max_depth=2, random_state=0).fit(iris_x, iris_y)
show("iris depth 2 features", tree.tree_.feature)
show("iris depth 2 thresholds", tree.tree_.threshold)
show("iris depth 2 accuracy", tree.score(iris_x, iris_y))
for criterion in ["gini", "entropy"]:
    accs = [DecisionTreeClassifier(criterion=criterion, max_depth=3, random_state=s).fit(iris_x, iris_y).score(iris_x, iris_y) for s in range(5)]
    show(f"iris {criterion} depth 3 accuracy (seeds 0-4)", accs)
tree = DecisionTreeClassifier(min_samples_leaf=5, random_state=0).fit(iris_x, iris_y)
show("iris min_samples_leaf 5 leaves, depth", [tree.get_n_leaves(), tree.get_depth()])
accs = [DecisionTreeClassifier(random_state=s).fit(digits_x[~held], digits_y[~held]).score(digits_x[held], digits_y[held]) for s in range(5)]
show("digits full tree held-out accuracy (seeds 0-4)", accs)
tree = DecisionTreeRegressor(max_depth=3).fit(wave_x, wave_y)
show("wave regression tree depth 3 on grid", tree.predict(grid))

print("== forests")
accs = [RandomForestClassifier(n_estimators=100, random_state=s).fit(digits_x[~held], digits_y[~held]).score(digits_x[held], digits_y[held]) for s in range(5)]
show("digits forest 100 held-out accuracy (seeds 0-4)", accs)
accs = [RandomForestClassifier(n_estimators=30, max_depth=3, random_state=s).fit(digits_x[~held], digits_y[~held]).score(digits_x[held], digits_y[held]) for s in range(5)]
show("digits forest 30 depth 3 held-out accuracy (seeds 0-4)", accs)
importances = [RandomForestClassifier(n_estimators=100, random_state=s).fit(iris_x, iris_y).feature_importances_ for s in range(5)]
show("iris forest 100 feature importances, mean over seeds 0-4", np.mean(importances, axis=0))

print("== boosting")
binary = iris_y > 0
model = GradientBoostingClassifier(n_estimators=20, random_state=0).fit(iris_x[binary], iris_y[binary] - 1)
show("iris versicolor/virginica 20 rounds: train log-loss per round (deviance / 2)", model.train_score_ / 2)
show("... P(virginica) of the first 5", model.predict_proba(iris_x[binary])[:5, 1])
model = GradientBoostingClassifier(n_estimators=30, random_state=0).fit(digits_x[~held], digits_y[~held])
show("digits boosting 30 rounds: held-out accuracy, held-out log-loss, train log-loss",
     [model.score(digits_x[held], digits_y[held]), log_loss(digits_y[held], model.predict_proba(digits_x[held])),
      log_loss(digits_y[~held], model.predict_proba(digits_x[~held]))])
model = GradientBoostingRegressor(n_estimators=20, max_depth=2, random_state=0).fit(wave_x, wave_y)
show("wave boosting 20 rounds depth 2: train MSE per round", model.train_score_)
show("... on grid", model.predict(grid))

print("== k-NN")
iris_z = StandardScaler().fit_transform(iris_x)
iris_held = np.arange(150) % 3 == 0
for weights in ["uniform", "distance"]:
    model = KNeighborsClassifier(n_neighbors=5, weights=weights).fit(iris_z[~iris_held], iris_y[~iris_held])
    show(f"iris k=5 {weights} held-out predictions", model.predict(iris_z[iris_held]))
for k in [1, 3, 7]:
    show(f"digits k={k} held-out accuracy", KNeighborsClassifier(n_neighbors=k).fit(digits_x[~held], digits_y[~held]).score(digits_x[held], digits_y[held]))
show("wave k=3 distance regression on grid", KNeighborsRegressor(n_neighbors=3, weights="distance").fit(wave_x, wave_y).predict(grid))

print("== linear (StandardScaler first; petal width from the other three iris measurements)")
x3 = StandardScaler().fit_transform(iris_x[:, :3])
petal_width = iris_x[:, 3]
def coefficients(model):
    return np.r_[np.ravel(model.coef_), np.ravel(model.intercept_)]
show("Lasso alpha 0.05", coefficients(Lasso(alpha=0.05, tol=1e-12, max_iter=100000).fit(x3, petal_width)))
show("ElasticNet alpha 0.1 l1_ratio 0.5", coefficients(ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-12, max_iter=100000).fit(x3, petal_width)))
show("Ridge alpha 10 (= n * 1/15)", coefficients(Ridge(alpha=10).fit(x3, petal_width)))
poly = StandardScaler().fit_transform(PolynomialFeatures(2, include_bias=False).fit_transform(iris_x[:, :3]))
show("degree-2 Lasso alpha 0.01", coefficients(Lasso(alpha=0.01, tol=1e-12, max_iter=100000).fit(poly, petal_width)))
alphas, path, _ = lasso_path(x3, petal_width - petal_width.mean(), alphas=[0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.001], tol=1e-12, max_iter=100000)
show("lasso_path alphas", alphas)
show("lasso_path coefficients [feature][alpha]", path)
iris_s = StandardScaler().fit_transform(iris_x)
show("multinomial logistic L2, C = 1/(150 * 0.01)", coefficients(LogisticRegression(C=1 / 1.5, tol=1e-12, max_iter=100000).fit(iris_s, iris_y)))
show("multinomial logistic L1, C = 1/(150 * 0.02), saga", coefficients(LogisticRegression(C=1 / 3, penalty="l1", solver="saga", tol=1e-12, max_iter=1000000).fit(iris_s, iris_y)))
binary_s = StandardScaler().fit_transform(iris_x[binary])
show("binary logistic L1, C = 1/(100 * 0.02), saga", coefficients(LogisticRegression(C=1 / 2, penalty="l1", solver="saga", tol=1e-12, max_iter=1000000).fit(binary_s, iris_y[binary] - 1)))
