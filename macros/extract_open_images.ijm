// Extract the features of every lesion of an image and its label map, with the menu commands of Lesion Radiomics.
// Works in Fiji and in plain ImageJ 1.x (also headless: ImageJ -batch extract_open_images.ijm "DATA_DIR OUTPUT.csv").
// DATA_DIR holds the demo files (test-data/ of the repository).
args = split(getArgument(), " ");
if (args.length < 2) exit("usage: extract_open_images.ijm \"DATA_DIR OUTPUT.csv\"");
data = args[0]; output = args[1];
run("NRRD or NIfTI (Lesion Radiomics)...", "open=[" + data + "/P04_image.nrrd]");
run("NRRD or NIfTI (Lesion Radiomics)...", "open=[" + data + "/P04_labels.nrrd]");
run("Extract Lesion Features...", "image=P04_image.nrrd labels=P04_labels.nrrd lesion_table=[" + data + "/lesions.csv] patient=P04 preset=pyradiomics bin_width=0 bin_count=0 resample=[] classes=[] settings=[] threads=0 output=[" + output + "]");
print("Lesion Features: " + Table.size("Lesion Features") + " lesions written to " + output);
