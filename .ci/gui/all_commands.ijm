// GUI test: every Lesion Radiomics menu command run by macro in a real ImageJ window on the demo data; each expected
// window is checked by its unique title, and the figures are saved as screenshots. Argument: "DATA_DIR OUT_DIR".
args = split(getArgument(), " ");
data = args[0]; out = args[1];
report = out + "/gui_report.txt";
function check(title) {
	if (isOpen(title)) File.append("window ok: " + title, report);
	else File.append("window MISSING: " + title, report);
}
function shoot(title, name) {
	if (!isOpen(title)) return;
	selectWindow(title);
	saveAs("PNG", out + "/" + name + ".png");
}
function capture(title, name) { // the window as shown (zoomed), not the image's pixels
	if (!isOpen(title)) return;
	selectWindow(title);
	run("Capture Image");
	saveAs("PNG", out + "/" + name + ".png");
	close();
}
run("NRRD or NIfTI (Lesion Radiomics)...", "open=[" + data + "/P04_image.nrrd]");
run("NRRD or NIfTI (Lesion Radiomics)...", "open=[" + data + "/P04_labels.nrrd]");
run("Extract Lesion Features...", "image=P04_image.nrrd labels=P04_labels.nrrd lesion_table=[" + data + "/lesions.csv] patient=P04 output=[" + out + "/P04_features.csv]");
check("Lesion Features");
run("Cohort Analysis...", "cohort=[" + data + "/cohort.csv] output=[" + out + "/cohort] simulations=50");
check("Sampling Recovery"); check("Heterogeneity indexes");
run("Select Robust Features...", "cohort=[" + data + "/cohort.csv] output=[" + out + "/select]");
check("Feature Robustness"); check("Feature Clusters"); check("Correlation Heatmap");
shoot("Correlation Heatmap", "figure_correlation_heatmap");
run("Patient Heterogeneity...", "features=[" + out + "/cohort/features.csv] selected=[" + out + "/cohort/selection/selected_features.txt]");
check("CV per patient"); check("CV per organ"); check("Tests"); check("CV by feature class"); check("MTD and ATH per patient"); check("Dissimilarity heatmaps");
shoot("CV by feature class", "figure_cv_by_class"); shoot("MTD and ATH per patient", "figure_mtd_ath"); shoot("Dissimilarity heatmaps", "figure_dissimilarity_stack");
run("Sampling Recovery...", "features=[" + out + "/cohort/features.csv] selected=[" + out + "/cohort/selection/selected_features.txt] simulations=50");
check("Recovery Curves"); check("Recovery curve MTD"); check("Recovery curve ATH");
shoot("Recovery curve MTD", "figure_recovery_curve_MTD");
model = out + "/model.csv";
File.saveString("term,kind,column,level,min,max,coefficient,clip\nintercept,intercept,,,,,0.1,\nidmn,feature,original_glcm_Idmn,,0.9,1,1,\nliver,category,site,liver,,,0.3,\ncutoff,cutoff,,,,,0.8,\n", model);
run("Lesion Scores and Patient Metrics...", "features=[" + out + "/cohort/features.csv] model=[" + model + "] output=[" + out + "/scores]");
check("Lesion scores"); check("Patient metrics"); check("Patient aggregates"); check("Lesion scores per patient");
shoot("Lesion scores per patient", "figure_lesion_scores");
run("Survival Analysis...", "patients=[" + out + "/scores/patient_aggregates.csv] clinical=[" + data + "/clinical.csv] variable=score_mean cutoff=median output=[" + out + "/survival]");
check("Cox models"); check("Median survival"); check("Log-rank tests"); check("Kaplan-Meier: all patients");
shoot("Kaplan-Meier: all patients", "figure_kaplan_meier");
run("Train Signature...", "features=[" + out + "/scores/patient_aggregates.csv] outcome_table=[" + data + "/clinical.csv] time=time event=event fixed_lambda=0.1 output=[" + out + "/signature]");
check("Signature performance"); check("Signature selection"); check("Feature importance");
run("Lesion Response (two time points)...", "cohort=[" + data + "/longitudinal.csv] variable=original_firstorder_Mean bootstrap=100 output=[" + out + "/response]");
check("Lesion response"); check("Patient response"); check("Lesion response (waterfall)"); check("Patient response (spider plot)");
shoot("Lesion response (waterfall)", "figure_waterfall");
run("Feature Maps...", "image=P04_image.nrrd labels=P04_labels.nrrd lesion_table=[" + data + "/lesions.csv] patient=P04 lesion_labels=1 kernel_radius=1 thresholds=[firstorder_Mean=40] habitats=-1 output=[" + out + "/maps]");
check("Map summary"); check("Lesion habitats"); check("P04 label 1 firstorder_Mean"); check("P04 label 1 glcm_JointEntropy"); check("P04 label 1 habitats");
capture("P04 label 1 firstorder_Mean", "figure_map_mean"); capture("P04 label 1 habitats", "figure_habitats");
run("Lesion Phenotypes...", "features=[" + out + "/cohort/features.csv] selected=[" + out + "/cohort/selection/selected_features.txt] output=[" + out + "/phenotypes]");
check("Lesion phenotypes"); check("Patient phenotypes"); check("Lesion phenotypes heatmap");
shoot("Lesion phenotypes heatmap", "figure_phenotypes");
run("IBSI Filter Response...", "image=P04_image.nrrd filters=[LoG:sigma=1.5,boundary=mirror]");
check("P04_image LoG:sigma=1.5,boundary=mirror");
selectWindow("Lesion Features");
run("Capture Screen");
saveAs("PNG", out + "/screen_tables.png");
logText = getInfo("log");
File.append("LOG:\n" + logText, report);
File.append("END", report); // the test script closes ImageJ
