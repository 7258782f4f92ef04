package lesionradiomics.workflow;

import java.util.List;
import java.util.Locale;

import lesionradiomics.analysis.Correlation;

/**
 * Training and validating a signature (Dercle et al. 2020's design: coarse-to-fine selection, a model, a held-out
 * validation set).
 *
 * @param outcome         binary outcome column (feature table or outcome table), or null for survival
 * @param positive        the outcome levels that count as positive (empty: 1, true, yes)
 * @param time            survival time column (null for a binary outcome)
 * @param event           survival event column (1 = event, 0 = censored)
 * @param validation      a seeded train/validation split, or k-fold cross-validation
 * @param trainFraction   share of the patients in the training set (split; Dercle et al.: 2/3)
 * @param folds           outer folds (cross-validation)
 * @param seed            every random choice (split, folds, forest) derives from it
 * @param reproducibility keep features whose agreement with every perturbed/retest table is ≥ this (needs such tables)
 * @param agreement       "ccc" (Lin) or an ICC form of psych::ICC (ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k)
 * @param redundancy      cluster features while their average |r| ≥ this and keep one per cluster (0 = off)
 * @param correlation     correlation of the redundancy step
 * @param topK            keep the k features ranked best by univariate AUC or Harrell's C on the training set (0 = off)
 * @param model           the model
 * @param alpha           elastic-net mixing (1 = LASSO)
 * @param lambda          λ.min or λ.1se of the inner cross-validation
 * @param fixedLambda     a λ given by the user instead (> 0; no inner cross-validation, e.g. when the training set
 *                        has too few events for one), or 0 to choose λ by cross-validation
 * @param innerFolds      folds of the inner (training-only) cross-validation of λ
 * @param trees           trees of the random forest
 * @param threads         threads for the forest and the λ cross-validation (results do not depend on it)
 */
public record SignatureOptions(String outcome, List<String> positive, String time, String event, Validation validation, double trainFraction, int folds,
		long seed, double reproducibility, String agreement, double redundancy, Correlation.Method correlation, int topK, Model model, double alpha,
		LambdaRule lambda, double fixedLambda, int innerFolds, int trees, int threads) {

	public enum Validation { SPLIT, CV;
		public static Validation parse(String s) {
			return switch (s.trim().toLowerCase(Locale.ROOT)) {
			case "split" -> SPLIT;
			case "cv", "kfold", "k-fold" -> CV;
			default -> throw new IllegalArgumentException("validation must be split or cv, is '" + s + "'");
			};
		}
	}

	public enum Model { LASSO, LOGISTIC, FOREST;
		public static Model parse(String s) {
			return switch (s.trim().toLowerCase(Locale.ROOT)) {
			case "lasso", "elasticnet", "elastic-net", "glmnet" -> LASSO;
			case "logistic", "glm" -> LOGISTIC;
			case "forest", "rf", "randomforest", "random-forest" -> FOREST;
			default -> throw new IllegalArgumentException("model must be lasso (elastic net), logistic or forest, is '" + s + "'");
			};
		}
	}

	public enum LambdaRule { MIN, ONE_SE;
		public static LambdaRule parse(String s) {
			return switch (s.trim().toLowerCase(Locale.ROOT).replace("lambda.", "")) {
			case "min" -> MIN;
			case "1se", "1-se", "one_se" -> ONE_SE;
			default -> throw new IllegalArgumentException("lambda must be min or 1se, is '" + s + "'");
			};
		}
	}

	public static final SignatureOptions DEFAULTS = new SignatureOptions("response", List.of(), null, null, Validation.SPLIT, 2.0 / 3, 5, 1, 0.85, "ccc", 0,
			Correlation.Method.PEARSON, 0, Model.LASSO, 1, LambdaRule.MIN, 0, 10, 500, 1);

	public SignatureOptions {
		positive = positive == null ? List.of() : positive.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
		boolean survival = time != null || event != null;
		if (survival && (time == null || event == null)) throw new IllegalArgumentException("a survival outcome needs both --time and --event columns");
		if (survival) outcome = null;
		if (!survival && (outcome == null || outcome.isBlank())) throw new IllegalArgumentException("give a binary --outcome column, or --time and --event");
		if (survival && model != Model.LASSO)
			throw new IllegalArgumentException("a survival outcome takes the penalised Cox model (--model lasso); " + model.name().toLowerCase(Locale.ROOT)
					+ " is for binary outcomes");
		if (!(trainFraction > 0 && trainFraction < 1)) throw new IllegalArgumentException("train-fraction must be in (0, 1), is " + trainFraction);
		if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, is " + folds);
		if (!(reproducibility >= -1 && reproducibility <= 1)) throw new IllegalArgumentException("reproducibility threshold must be in [-1, 1], is " + reproducibility);
		agreement = agreement == null ? "ccc" : agreement.trim();
		if (!agreement.equalsIgnoreCase("ccc")) lesionradiomics.analysis.IntraclassCorrelation.Form.parse(agreement); // names the forms when unknown
		if (!(redundancy >= 0 && redundancy <= 1)) throw new IllegalArgumentException("redundancy threshold |r| must be in [0, 1] (0 = off), is " + redundancy);
		if (topK < 0) throw new IllegalArgumentException("top-k must be >= 0 (0 = off), is " + topK);
		if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1] (1 = LASSO), is " + alpha);
		if (!(fixedLambda >= 0) || Double.isInfinite(fixedLambda)) throw new IllegalArgumentException("fixed-lambda must be a finite number > 0 (0 = choose by cross-validation), is " + fixedLambda);
		if (innerFolds < 3) throw new IllegalArgumentException("inner-folds must be at least 3 (as cv.glmnet), is " + innerFolds);
		if (trees < 1) throw new IllegalArgumentException("trees must be at least 1, is " + trees);
		if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, is " + threads);
	}

	public boolean survival() {
		return time != null;
	}
}
