#!/usr/bin/python3
"""Independent test data for the RTSTRUCT reader, written by plastimatch (not by our code).

A small synthetic CT (40 x 36 x 8 voxels, 0.8 x 0.8 x 2.5 mm, origin (-16, -12, 40) mm) and a label map with three
lesions (a box, a ball, a ring-shaped lesion with a hole) go through

    plastimatch convert --input ct.nrrd --input-prefix masks/ --output-dicom plastimatch/

which writes a CT series and an RTSTRUCT whose ROI names are the mask file names. The source label map is kept as
labels.nrrd (label 1..3 in the order of the ROI names). Run from this folder: /usr/bin/python3 make_plastimatch_case.py
"""
import os, shutil, subprocess
import numpy as np
import nibabel  # noqa: F401  (only numpy is needed; nrrd written by hand)

nx, ny, nz = 40, 36, 8
sp = (0.8, 0.8, 2.5)
org = (-16.0, -12.0, 40.0)

def write_nrrd(path, arr, dtype):
    a = np.asarray(arr, dtype=dtype)
    hdr = ("NRRD0004\ntype: %s\ndimension: 3\nspace: left-posterior-superior\nsizes: %d %d %d\n"
           "space directions: (%g,0,0) (0,%g,0) (0,0,%g)\nkinds: domain domain domain\nendian: little\n"
           "encoding: raw\nspace origin: (%g,%g,%g)\n\n") % ({np.int16: "short", np.uint8: "uchar"}[dtype], nx, ny, nz, sp[0], sp[1], sp[2], *org)
    with open(path, "wb") as f:
        f.write(hdr.encode())
        # NRRD is x fastest: numpy array indexed [z, y, x]
        f.write(a.astype("<" + np.dtype(dtype).str[1:]).tobytes())

z, y, x = np.mgrid[0:nz, 0:ny, 0:nx]
rng = np.random.default_rng(20240523)
ct = (40 + 10 * np.sin(x / 3.0) + 8 * np.cos(y / 4.0) + 5 * z + rng.normal(0, 6, (nz, ny, nx))).round().astype(np.int16)
labels = np.zeros((nz, ny, nx), np.uint8)
labels[2:6, 4:12, 5:14] = 1                                   # box
labels[((x - 27) ** 2 + (y - 10) ** 2 * 1.0 + ((z - 4) * 3.1) ** 2) <= 30] = 2   # ball
r2 = (x - 18) ** 2 + (y - 26) ** 2
labels[(r2 <= 49) & (r2 > 6) & (z >= 1) & (z <= 6)] = 3      # ring with a hole
ct[labels > 0] += 60

os.makedirs("masks_tmp", exist_ok=True)
write_nrrd("plastimatch_ct.nrrd", ct, np.int16)
write_nrrd("plastimatch_labels.nrrd", labels, np.uint8)
for value, name in [(1, "GTV_liver_1"), (2, "GTV_lung_2"), (3, "GTV_bone_3")]:
    write_nrrd("masks_tmp/%s.nrrd" % name, labels == value, np.uint8)
shutil.rmtree("plastimatch", ignore_errors=True)
subprocess.run(["plastimatch", "convert", "--input", "plastimatch_ct.nrrd", "--input-prefix", "masks_tmp",
                "--output-dicom", "plastimatch"], check=True)
shutil.rmtree("masks_tmp")
os.remove("plastimatch_ct.nrrd")
# short, stable file names (plastimatch names files by their UIDs)
for f in sorted(os.listdir("plastimatch")):
    new = ("ct_%s.dcm" % f[5:9]) if f.startswith("image") else "rtstruct.dcm"
    os.rename(os.path.join("plastimatch", f), os.path.join("plastimatch", new))
