#!/usr/bin/env python3
"""Copies the small golden set that travels with the repository out of ../shared/reference.

The values are pyradiomics' own (see ../shared/reference/*/README.md): nothing here is computed by this project.
Run from this folder: python3 make_golden.py [path/to/shared/reference]
  pyradiomics/  breast1 image + label, every baseline_<class>.csv column of breast1 (8 configurations, incl. 2x2x2 mm
                B-spline resampling), pyradiomics31_default.csv column of breast1
  multilesion/  public_m1 image + label + meta (18 lesions), its rows of reference_bw25.csv, reference_bw10.csv and
                reference_reseg.csv
  filters/      public_m1 labels 1, 6, 12, 18 of reference_filters_bw25.csv (LoG sigma 1 and 3 mm, wavelet)
"""
import csv, os, shutil, sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "..", "..", "..", "..", "shared", "reference")
os.makedirs("pyradiomics", exist_ok=True)
os.makedirs("multilesion", exist_ok=True)
for f in ["breast1_image.nrrd", "breast1_label.nrrd"]:
    shutil.copyfile(os.path.join(src, "pyradiomics", f), os.path.join("pyradiomics", f))
for f in ["public_m1_image.nrrd", "public_m1_label.nrrd", "public_m1_meta.csv"]:
    shutil.copyfile(os.path.join(src, "multilesion", f), os.path.join("multilesion", f))

def columns(name, keep):
    with open(os.path.join(src, "pyradiomics", name), newline="") as f:
        rows = list(csv.reader(f))
    idx = [i for i, h in enumerate(rows[0]) if i == 0 or keep(h)]
    with open(os.path.join("pyradiomics", name), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([[r[i] for i in idx] for r in rows])

for cls in ["firstorder", "shape", "glcm", "glrlm", "glszm", "gldm", "ngtdm"]:
    columns("baseline_%s.csv" % cls, lambda h: h.startswith("breast1"))
columns("pyradiomics31_default.csv", lambda h: h == "breast1")

for name in ["reference_bw25.csv", "reference_bw10.csv", "reference_reseg.csv"]:
    with open(os.path.join(src, "multilesion", name), newline="") as f:
        rows = list(csv.reader(f))
    case = rows[0].index("case")
    with open(os.path.join("multilesion", name), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([rows[0]] + [r for r in rows[1:] if r[case] == "public_m1"])

# filters/: public_m1 labels 1, 6, 12 and 18 of reference_filters_bw25.csv (Original, LoG sigma 1 and 3 mm, Wavelet)
os.makedirs("filters", exist_ok=True)
with open(os.path.join(src, "filters", "reference_filters_bw25.csv"), newline="") as f:
    rows = list(csv.reader(f))
case, label = rows[0].index("case"), rows[0].index("label")
with open(os.path.join("filters", "reference_filters_bw25.csv"), "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([rows[0]] + [r for r in rows[1:] if r[case] == "public_m1" and r[label] in ("1", "6", "12", "18")])
