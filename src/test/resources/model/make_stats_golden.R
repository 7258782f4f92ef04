# Golden values for IntraclassCorrelation (psych::ICC), Calibration (rms::val.prob) and LogisticRegression (glm),
# tests: ModelStatisticsGoldenTest. R 4.2.2, psych 2.2.9, rms 6.5-0. Run from this folder: Rscript make_stats_golden.R
suppressMessages({library(psych); library(rms)})
set.seed(7)
out <- list()
add <- function(d, what, v) out[[length(out) + 1]] <<- data.frame(dataset = d, what = what, index = seq_along(v), value = sprintf("%.17g", v))
# ICC: ratings of n subjects by k raters (e.g. a feature on original / eroded / dilated masks)
icc_sets <- list(
  three = { s <- rnorm(30, 10, 3); cbind(s + rnorm(30, 0, 1), s + 0.5 + rnorm(30, 0, 1), s - 0.3 + rnorm(30, 0, 1.5)) },
  two = { s <- rexp(20); cbind(s, s * 1.1 + rnorm(20, 0, 0.2)) },
  rater_bias = { s <- rnorm(25); cbind(s, s + 2 + rnorm(25, 0, 0.5), s - 1 + rnorm(25, 0, 0.5), s + rnorm(25, 0, 0.5)) })
for (nm in names(icc_sets)) {
  x <- icc_sets[[nm]]
  write.csv(x, paste0("icc_", nm, ".csv"), row.names = FALSE)
  r <- ICC(x, lmer = FALSE)$results
  add(nm, "icc", r$ICC); add(nm, "F", r$F); add(nm, "df1", r$df1); add(nm, "df2", r$df2); add(nm, "p", r$p)
  add(nm, "lower", r[["lower bound"]]); add(nm, "upper", r[["upper bound"]])
}
# val.prob: predicted probabilities and outcomes
for (nm in c("calib_over", "calib_good")) {
  n <- 150
  lp <- rnorm(n, 0, 1.5)
  y <- rbinom(n, 1, plogis(lp))
  p <- if (nm == "calib_over") plogis(0.4 + 1.8 * lp) else plogis(lp + rnorm(n, 0, 0.3))
  write.csv(data.frame(p = p, y = y), paste0(nm, ".csv"), row.names = FALSE)
  v <- val.prob(p, y, pl = FALSE)
  add(nm, "val.prob", v[c("Intercept", "Slope", "Brier", "C (ROC)", "Dxy")])
}
# plain logistic regression (glm) on the first three features of the glmnet data set "ar1"
d <- read.csv("dataset_ar1.csv")
g <- glm(y ~ x1 + x2 + x3, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
add("ar1", "glm.coef", coef(g)); add("ar1", "glm.se", sqrt(diag(vcov(g)))); add("ar1", "glm.deviance", c(deviance(g), g$null.deviance))
write.csv(do.call(rbind, out), "stats_golden.csv", row.names = FALSE, quote = FALSE)
