# Golden values for the survival statistics, computed outside the project with R's survival (3.5-3), maxstat (0.7-25)
# and survminer (0.4.9) from Debian 12 (r-cran-survival, r-cran-maxstat, r-cran-survminer).
# Run from this folder: Rscript make_survival_golden.R
# Writes dataset_<name>.csv (time,event,var,group,cov1,cov2) and golden.csv (dataset,quantity,index,value), values with
# 17 significant digits.
suppressMessages({library(survival); library(maxstat); library(survminer)})

sets <- list()
l <- lung[!is.na(lung$ph.karno), ]
sets$lung <- data.frame(time = l$time, event = as.integer(l$status == 2), var = l$ph.karno, group = l$sex, cov1 = l$age, cov2 = l$sex)
v <- veteran
sets$veteran <- data.frame(time = v$time, event = v$status, var = v$karno, group = v$trt, cov1 = v$age, cov2 = v$diagtime)
o <- ovarian
sets$ovarian <- data.frame(time = o$futime, event = o$fustat, var = o$age, group = o$rx, cov1 = o$resid.ds, cov2 = o$ecog.ps)
# heavy ties in times and in the variable: lung times in 60-day steps, Karnofsky in steps of 20
sets$tied <- data.frame(time = ceiling(l$time / 60), event = as.integer(l$status == 2), var = 20 * round(l$ph.karno / 20), group = l$sex,
                        cov1 = round(l$age / 10), cov2 = l$sex)

out <- data.frame(dataset = character(), quantity = character(), index = integer(), value = character())
put <- function(d, q, v) {
  v <- as.numeric(v)
  out <<- rbind(out, data.frame(dataset = d, quantity = q, index = seq_along(v), value = formatC(v, digits = 17, format = "g")))
}

for (name in names(sets)) {
  d <- sets[[name]]
  write.csv(d, paste0("dataset_", name, ".csv"), row.names = FALSE)
  # Kaplan-Meier of all subjects, and of group == first level
  km <- survfit(Surv(time, event) ~ 1, data = d)
  put(name, "km_time", km$time); put(name, "km_n_risk", km$n.risk); put(name, "km_n_event", km$n.event); put(name, "km_n_censor", km$n.censor)
  put(name, "km_surv", km$surv); put(name, "km_std_err", km$std.err); put(name, "km_lower", km$lower); put(name, "km_upper", km$upper)
  t <- summary(km)$table
  put(name, "km_median", c(t["median"], t["0.95LCL"], t["0.95UCL"]))
  # log-rank between groups, and stratified by cov2
  sd <- survdiff(Surv(time, event) ~ group, data = d)
  put(name, "logrank", c(sd$chisq, pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE)))
  put(name, "logrank_observed", sd$obs); put(name, "logrank_expected", sd$exp)
  ss <- survdiff(Surv(time, event) ~ group + strata(cov2), data = d)
  put(name, "logrank_stratified", c(ss$chisq, pchisq(ss$chisq, length(unique(d$group)) - 1, lower.tail = FALSE)))
  # Cox: univariate on var, multivariate on var + cov1 + cov2 (Efron)
  for (m in c("uni", "multi")) {
    f <- if (m == "uni") coxph(Surv(time, event) ~ var, data = d) else coxph(Surv(time, event) ~ var + cov1 + cov2, data = d)
    s <- summary(f)
    put(name, paste0("cox_", m, "_coef"), coef(f)); put(name, paste0("cox_", m, "_se"), sqrt(diag(vcov(f))))
    put(name, paste0("cox_", m, "_hr_lower"), s$conf.int[, "lower .95"]); put(name, paste0("cox_", m, "_hr_upper"), s$conf.int[, "upper .95"])
    put(name, paste0("cox_", m, "_p"), s$coefficients[, "Pr(>|z|)"])
    # summary() rounds the Wald statistic to 2 decimals: take it from the fit
    put(name, paste0("cox_", m, "_tests"), c(s$logtest["test"], s$logtest["pvalue"], f$wald.test, s$waldtest["pvalue"], s$sctest["test"], s$sctest["pvalue"]))
    put(name, paste0("cox_", m, "_loglik"), f$loglik)
    put(name, paste0("cox_", m, "_concordance"), f$concordance["concordance"])
    z <- cox.zph(f, transform = "km")
    put(name, paste0("cox_", m, "_zph_chisq"), z$table[, "chisq"]); put(name, paste0("cox_", m, "_zph_p"), z$table[, "p"])
  }
  # optimal cut-off: survminer's surv_cutpoint (maxstat, log-rank scores, minprop 0.1) and maxstat's Lau94 p-value
  cp <- surv_cutpoint(d, time = "time", event = "event", variables = "var", minprop = 0.1)
  mt <- maxstat.test(Surv(time, event) ~ var, data = d, smethod = "LogRank", pmethod = "Lau94", minprop = 0.1, maxprop = 0.9)
  put(name, "cutpoint", c(cp$cutpoint["var", "cutpoint"], cp$cutpoint["var", "statistic"], mt$p.value))
}
# a curve lying exactly on 0.5: R takes the middle of the flat stretch (times 1..6, events at 1, 2, 3 and 5)
half <- survfit(Surv(c(1, 2, 3, 4, 5, 6), c(1, 1, 1, 0, 1, 0)) ~ 1)
put("half", "km_median", summary(half)$table[c("median", "0.95LCL", "0.95UCL")])
write.csv(out, "golden.csv", row.names = FALSE, quote = FALSE)
