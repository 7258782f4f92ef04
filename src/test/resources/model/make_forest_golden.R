# Reference for RandomForestTest: planted data (5 informative features among 50, two correlated with each other),
# a stratified 2:1 training/validation split, and R's randomForest 4.7-1.1 (500 trees, defaults) validation AUC.
# R 4.2.2. Run from this folder: Rscript make_forest_golden.R
suppressMessages({library(randomForest); library(pROC)})
set.seed(26)
n <- 300; p <- 50
x <- matrix(rnorm(n * p), n, p)
x[, 2] <- 0.7 * x[, 1] + sqrt(1 - 0.49) * x[, 2]
colnames(x) <- paste0("f", 1:p)
eta <- 1.2 * x[, 1] - 1.0 * x[, 3] + 0.9 * x[, 4] * (x[, 5] > 0) + 0.8 * x[, 2]^2 - 0.8
y <- rbinom(n, 1, plogis(eta))
train <- integer(n)
for (cl in 0:1) { idx <- which(y == cl); train[sample(idx, round(length(idx) * 2 / 3))] <- 1 }
write.csv(data.frame(x, y = y, train = train), "forest_planted.csv", row.names = FALSE)
tr <- train == 1
rf <- randomForest(x[tr, ], factor(y[tr]), ntree = 500, importance = TRUE)
prob <- predict(rf, x[!tr, ], type = "prob")[, "1"]
auc_val <- as.numeric(auc(roc(y[!tr], prob, direction = "<", levels = c(0, 1), quiet = TRUE)))
imp <- importance(rf, type = 1, scale = FALSE)[, 1]
write.csv(data.frame(what = c("validation_auc", "oob_error", paste0("importance_", names(imp))),
                     value = sprintf("%.17g", c(auc_val, rf$err.rate[500, "OOB"], imp))),
          "forest_golden.csv", row.names = FALSE, quote = FALSE)
cat("validation AUC", auc_val, " top importance", names(sort(imp, decreasing = TRUE))[1:6], "\n")
