# Golden values for lesionradiomics.model.ElasticNet / ElasticNetCv (ElasticNetGoldenTest).
# R 4.2.2, glmnet 4.1-6 (Debian r-cran-glmnet). Run from this folder: Rscript make_glmnet_golden.R
# Writes dataset_<name>.csv (x1..xp, y, time, status, fold) and glmnet_golden.csv (long format).
# thresh = 1e-20 and a large maxit: glmnet's default 1e-7 stops far from the optimum at small lambda
# (DESIGN.md, "Trained signatures"); the Java solver converges to the optimality conditions.
suppressMessages({library(glmnet); library(survival)})
set.seed(20261202)
make <- function(name, n, p, corr, beta, nfolds) {
  z <- matrix(rnorm(n * p), n, p)
  x <- z
  if (corr$type == "ar1") {
    for (j in 2:p) x[, j] <- corr$rho * x[, j - 1] + sqrt(1 - corr$rho^2) * z[, j]
  } else if (corr$type == "factor") {
    f <- rnorm(n)
    x <- sqrt(corr$rho) * f + sqrt(1 - corr$rho) * z
  } else {  # blocks of 5 features sharing a factor
    for (b in seq(1, p, by = 5)) {
      f <- rnorm(n); idx <- b:min(p, b + 4)
      x[, idx] <- sqrt(corr$rho) * f + sqrt(1 - corr$rho) * z[, idx]
    }
  }
  x <- sweep(x, 2, runif(p, 0.5, 20), "*") + rep(runif(p, -5, 5), each = n)  # unequal scales and means
  colnames(x) <- paste0("x", 1:p)
  b <- c(beta, rep(0, p - length(beta)))
  eta <- scale(x) %*% b
  y <- rbinom(n, 1, 1 / (1 + exp(-eta)))
  t <- rexp(n, exp(eta)); cens <- rexp(n, 0.3)
  time <- round(pmin(t, cens) * 4) / 4 + 0.25  # quarter units: tied event and censoring times
  status <- as.integer(t <= cens)
  fold <- sample(rep(seq(nfolds), length = n))
  write.csv(data.frame(x, y = y, time = time, status = status, fold = fold),
            paste0("dataset_", name, ".csv"), row.names = FALSE)
  list(name = name, x = x, y = y, time = time, status = status, fold = fold)
}
sets <- list(
  make("ar1", 120, 10, list(type = "ar1", rho = 0.8), c(1, -0.8, 0.5, 0, 0, 0.3), 10),
  make("factor", 80, 30, list(type = "factor", rho = 0.6), c(0.8, 0, -0.6, 0, 0.5), 8),
  make("blocks", 60, 90, list(type = "blocks", rho = 0.9), c(0.9, 0, 0, 0, 0, -0.7), 5))
out <- list()
add <- function(d, fam, a, what, v) {
  out[[length(out) + 1]] <<- data.frame(dataset = d, family = fam, alpha = a, what = what,
                                         value = sprintf("%.10g", v))  # 10 digits: the tests compare to 1e-6
}
for (s in sets) for (fam in c("binomial", "cox")) for (a in c(1, 0.5)) {
  # Cox with p > N ("blocks") is left out: near saturation at the end of the path glmnet's fold fits stop at maxit
  # (warnings), so its CV errors there are not a reference; the binomial p > N case stays
  if (s$name == "blocks" && fam == "cox") next
  yy <- if (fam == "binomial") s$y else Surv(s$time, s$status)
  t0 <- Sys.time()
  cv <- cv.glmnet(s$x, yy, family = fam, alpha = a, foldid = s$fold, thresh = 1e-20, maxit = 1e6)
  message(s$name, " ", fam, " ", a, ": ", length(cv$lambda), " lambdas, ", format(Sys.time() - t0))
  f <- cv$glmnet.fit
  add(s$name, fam, a, "lambda", f$lambda)
  add(s$name, fam, a, "dev.ratio", f$dev.ratio)
  add(s$name, fam, a, "nulldev", f$nulldev)
  if (fam == "binomial") add(s$name, fam, a, "a0", f$a0)
  add(s$name, fam, a, "beta", as.vector(as.matrix(f$beta)))  # column-major: feature fastest
  add(s$name, fam, a, "cvm", cv$cvm)
  add(s$name, fam, a, "cvsd", cv$cvsd)
  add(s$name, fam, a, "lambda.min", cv$lambda.min)
  add(s$name, fam, a, "lambda.1se", cv$lambda.1se)
}
g <- do.call(rbind, out)
write.csv(g, "glmnet_golden.csv", row.names = FALSE, quote = FALSE)
cat(nrow(g), "values\n")
