#!/usr/bin/env python3
"""Golden case for the wavelet image type on a float32 image (PyWavelets decomposes float32 arrays in float32).

A crop of ../shared/reference/multilesion/public_m2 (float32, 1/16 HU steps, negative y direction) with odd sizes
(pyradiomics' wrap padding is exercised), its labels, and the features pyradiomics computes for every label in it with
imageType Original + Wavelet (coif1, level 1), binWidth 25, other settings default.

Run with the pyradiomics oracle (../shared/tools/pyradiomics-oracle: pyradiomics 8ed5793, pywt 1.1.1 C core):
    . /work/oracle/env.sh && python3 make_float32.py [path/to/shared/reference]
"""
import csv, os, sys
import numpy as np
import SimpleITK as sitk
import radiomics
from radiomics import featureextractor

radiomics.setVerbosity(60)
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "..", "..", "..", "..", "..", "shared", "reference")
img = sitk.ReadImage(os.path.join(src, "multilesion", "public_m2_image.nrrd"))
lab = sitk.ReadImage(os.path.join(src, "multilesion", "public_m2_label.nrrd"))
lo, hi = (58, 38, 4), (112, 94, 26)  # x, y, z voxel box (inclusive): labels 8 (cut by the box), 13 and others
def crop(im):
    a = sitk.GetArrayFromImage(im)[lo[2]:hi[2] + 1, lo[1]:hi[1] + 1, lo[0]:hi[0] + 1]
    out = sitk.GetImageFromArray(np.ascontiguousarray(a))
    out.SetSpacing(im.GetSpacing()); out.SetDirection(im.GetDirection())
    d = np.array(im.GetDirection()).reshape(3, 3)
    out.SetOrigin(tuple(np.array(im.GetOrigin()) + d @ (np.array(lo) * np.array(im.GetSpacing()))))
    return out
img, lab = crop(img), crop(lab)
assert sitk.GetArrayFromImage(img).dtype == np.float32
sitk.WriteImage(img, "m2crop_image.nrrd", True)
sitk.WriteImage(lab, "m2crop_label.nrrd", True)
ext = featureextractor.RadiomicsFeatureExtractor(additionalInfo=False, binWidth=25)
ext.enableImageTypes(Original={}, Wavelet={})
rows, header = [], None
for L in [int(v) for v in np.unique(sitk.GetArrayFromImage(lab)) if v != 0]:
    try:
        r = ext.execute(img, lab, label=L)
    except Exception as e:  # pyradiomics refuses e.g. a lesion cut to one voxel
        print("label %d refused: %s" % (L, e), file=sys.stderr)
        continue
    header = header or list(r.keys())
    rows.append(["m2crop", L] + [repr(float(r[k])) for k in header])
with open("reference_wavelet_bw25.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "label"] + header)
    w.writerows(rows)
print("%d labels" % len(rows), file=sys.stderr)
