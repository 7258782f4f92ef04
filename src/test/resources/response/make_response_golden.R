# Golden values for the lesion-outcome statistics, computed outside the project with R 4.2 (stats) and pROC 1.18
# (Debian 12: r-base-core, r-cran-proc). Run from this folder: Rscript make_response_golden.R
# Writes roc_<name>.csv (score,positive) and golden.csv (dataset,quantity,index,value), 17 significant digits.
suppressMessages(library(pROC))
out <- data.frame(dataset = character(), quantity = character(), index = integer(), value = character())
put <- function(d, q, v) {
  v <- as.numeric(v)
  out <<- rbind(out, data.frame(dataset = d, quantity = q, index = seq_along(v), value = formatC(v, digits = 17, format = "g")))
}
data(aSAH)
sets <- list(
  asah_s100b = data.frame(score = aSAH$s100b, positive = as.integer(aSAH$outcome == "Poor")),
  asah_wfns = data.frame(score = as.numeric(aSAH$wfns), positive = as.integer(aSAH$outcome == "Poor")),   # 5 levels: heavy ties
  asah_ndka = data.frame(score = aSAH$ndka, positive = as.integer(aSAH$outcome == "Poor")))
for (name in names(sets)) {
  d <- sets[[name]]
  write.csv(d, paste0("roc_", name, ".csv"), row.names = FALSE)
  r <- roc(d$positive, d$score, direction = "<", levels = c(0, 1), quiet = TRUE)
  v <- var(r, method = "delong")
  ci <- ci.auc(r, method = "delong")
  z <- (as.numeric(auc(r)) - 0.5) / sqrt(v)
  put(name, "auc", c(auc(r), v, ci[1], ci[3], 2 * pnorm(-abs(z))))
  b <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity"), transpose = TRUE)
  put(name, "youden", b[1:3])
  # Spearman against a second variable with ties (age), asymptotic p as R uses with ties
  s <- suppressWarnings(cor.test(d$score, aSAH$age, method = "spearman", exact = FALSE))
  put(name, "spearman", c(s$estimate, s$p.value))
  write.csv(data.frame(x = d$score, y = aSAH$age), paste0("spearman_", name, ".csv"), row.names = FALSE)
}
tables <- list(c(12, 5, 3, 10), c(3, 1, 1, 3), c(20, 0, 7, 9), c(8, 2, 1, 5), c(0, 5, 4, 6))
for (i in seq_along(tables)) {
  t <- tables[[i]]
  f <- fisher.test(matrix(t, nrow = 2, byrow = TRUE))
  put(paste0("fisher", i), "table", t)
  put(paste0("fisher", i), "fisher", c(f$p.value, f$estimate, f$conf.int[1], f$conf.int[2]))
}
write.csv(out, "golden.csv", row.names = FALSE, quote = FALSE)
