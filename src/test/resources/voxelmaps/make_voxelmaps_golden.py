# Makes the fresh-clone golden set of VoxelMapsGoldenTest from ../shared/reference (pyradiomics 3.1 voxel-based maps):
# label 8 of multilesion/public_m1 cropped to pyradiomics' r = 2 map box (image + labels as raw NRRD, same spacing;
# the crop holds every kernel of r = 1 and 2, and the whole lesion, so the lesion-wide binning is the same), and
# every 12th voxel's rows of voxelmaps/public_m1_label8_k1.csv.gz and _k2.csv.gz (pyradiomics' own values, coordinates
# shifted into the crop), with glcm JointAverage and MCC taken from the _voxelBatch1 files (see the README there).
# Run from this folder: python3 make_voxelmaps_golden.py ../../../../shared/reference
import csv, gzip, io, re, sys
import numpy as np

ref = sys.argv[1]
OFFSET = (130, 52, 35)  # pyradiomics' r = 2 map offset for label 8 (README table)
SIZE = (17, 21, 9)


def read_nrrd(path):
    raw = open(path, "rb").read()
    head, data = raw.split(b"\n\n", 1)
    fields = dict(l.split(": ", 1) for l in head.decode().splitlines()[1:] if ": " in l)
    dtype = {"short": "<i2", "unsigned char": "u1"}[fields["type"]]
    sizes = [int(s) for s in fields["sizes"].split()]
    arr = np.frombuffer(gzip.decompress(data), dtype=dtype).reshape(sizes[::-1])  # z, y, x
    return arr, fields


def write_nrrd(path, arr, fields, typ):
    x0, y0, z0 = OFFSET
    origin = [float(v) for v in re.findall(r"[-0-9.e]+", fields["space origin"])]
    spacing = [0.78, 0.78, 2.5]
    o = [origin[d] + (x0, y0, z0)[d] * spacing[d] for d in range(3)]
    header = ("NRRD0004\ntype: %s\ndimension: 3\nspace: left-posterior-superior\nsizes: %d %d %d\n"
              "space directions: (0.78,0,0) (0,0.78,0) (0,0,2.5)\nkinds: domain domain domain\nendian: little\n"
              "encoding: raw\nspace origin: (%r,%r,%r)\n\n") % (typ, SIZE[0], SIZE[1], SIZE[2], o[0], o[1], o[2])
    with open(path, "wb") as f:
        f.write(header.encode())
        f.write(np.ascontiguousarray(arr).tobytes())


img, fields = read_nrrd(ref + "/multilesion/public_m1_image.nrrd")
lab, _ = read_nrrd(ref + "/multilesion/public_m1_label.nrrd")
sl = (slice(OFFSET[2], OFFSET[2] + SIZE[2]), slice(OFFSET[1], OFFSET[1] + SIZE[1]), slice(OFFSET[0], OFFSET[0] + SIZE[0]))
crop_lab = np.where(lab[sl] == 8, 8, 0).astype("u1")
assert (lab == 8).sum() == (crop_lab == 8).sum(), "the crop must hold the whole lesion"
write_nrrd("label8_box_image.nrrd", img[sl].astype("<i2"), fields, "short")
write_nrrd("label8_box_labels.nrrd", crop_lab, fields, "unsigned char")
for r in (1, 2):
    rows = list(csv.reader(gzip.open(ref + "/voxelmaps/public_m1_label8_k%d.csv.gz" % r, "rt")))
    b1 = {tuple(x[:3]): x for x in csv.reader(gzip.open(ref + "/voxelmaps/public_m1_label8_k%d_voxelBatch1.csv.gz" % r, "rt"))}
    b1_header = b1.pop(("x", "y", "z"))
    header = rows[0]
    out = [header]
    for row in rows[1::12]:
        fixed = list(row)
        for name in ("original_glcm_JointAverage", "original_glcm_MCC"):
            fixed[header.index(name)] = b1[tuple(row[:3])][b1_header.index(name)]
        fixed[:3] = [str(int(row[d]) - OFFSET[d]) for d in range(3)]
        out.append(fixed)
    with open("label8_k%d_sample.csv" % r, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
    print("r=%d: %d voxels" % (r, len(out) - 1))
