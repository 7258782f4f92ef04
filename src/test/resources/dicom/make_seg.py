#!/usr/bin/python3
"""Independent test data for the DICOM SEG reader: segmentations written with pydicom, following PS3.3 A.51/C.8.20
(Segmentation IOD, Multi-frame Functional Groups) and PS3.5 8.1.1 (1-bit pixel packing), not by our code.

From plastimatch_labels.nrrd (3 lesions) on the CT series plastimatch/ (see make_plastimatch_case.py):
- seg_binary.dcm: BINARY, 1 bit per pixel, frames bit-packed back to back, one frame per segment and slice that the
  segment touches, each placed by its Plane Position (Patient) and assigned by Segment Identification; segments
  listed in the order 2, 3, 1 of the label map with labels "lesion B", "lesion C", "lesion A".
- seg_fractional.dcm: FRACTIONAL (PROBABILITY), 8 bits, MaximumFractionalValue 200, frames cropped to rows 2..33
  and columns 3..38 (so positions are not the image's origin); inside voxels hold 200 (or 120: still >= 0.5) and
  a rim of outside voxels holds 80 (< 0.5).
Run from this folder: /usr/bin/python3 make_seg.py
"""
import glob
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

def read_nrrd(path):
    raw = open(path, "rb").read()
    head, data = raw.split(b"\n\n", 1)
    sizes = [int(v) for v in [l for l in head.decode().splitlines() if l.startswith("sizes:")][0].split()[1:]]
    return np.frombuffer(data, np.uint8).reshape(sizes[::-1])  # [z, y, x]

labels = read_nrrd("plastimatch_labels.nrrd")
cts = sorted((pydicom.dcmread(f) for f in glob.glob("plastimatch/ct_*.dcm")), key=lambda d: float(d.ImagePositionPatient[2]))
ref = cts[0]
nz, ny, nx = labels.shape

def base(fractional):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.66.4"
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=["seg", str(fractional)])
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = "SEG"
    ds.PatientID = ref.PatientID
    ds.StudyInstanceUID = ref.StudyInstanceUID
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=["segseries", str(fractional)])
    ds.FrameOfReferenceUID = ref.FrameOfReferenceUID
    rs = Dataset()
    rs.SeriesInstanceUID = ref.SeriesInstanceUID
    rs.ReferencedInstanceSequence = Sequence()
    for c in cts:
        i = Dataset(); i.ReferencedSOPClassUID = c.SOPClassUID; i.ReferencedSOPInstanceUID = c.SOPInstanceUID
        rs.ReferencedInstanceSequence.append(i)
    ds.ReferencedSeriesSequence = Sequence([rs])
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.PixelRepresentation = 0
    ds.SegmentationType = "FRACTIONAL" if fractional else "BINARY"
    if fractional:
        ds.SegmentationFractionalType = "PROBABILITY"
        ds.MaximumFractionalValue = 200
    ds.BitsAllocated = 8 if fractional else 1
    ds.BitsStored = ds.BitsAllocated
    ds.HighBit = ds.BitsAllocated - 1
    ds.LossyImageCompression = "00"
    ds.SegmentSequence = Sequence()
    for number, (value, name) in enumerate([(2, "lesion B"), (3, "lesion C"), (1, "lesion A")], start=1):
        s = Dataset(); s.SegmentNumber = number; s.SegmentLabel = name; s.SegmentAlgorithmType = "MANUAL"
        ds.SegmentSequence.append(s)
    shared = Dataset()
    po = Dataset(); po.ImageOrientationPatient = ref.ImageOrientationPatient
    pm = Dataset(); pm.PixelSpacing = ref.PixelSpacing; pm.SliceThickness = ref.SliceThickness
    shared.PlaneOrientationSequence = Sequence([po]); shared.PixelMeasuresSequence = Sequence([pm])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    return ds

def frames(ds, r0, r1, c0, c1, fractional):
    per_frame, planes = [], []
    for number, value in enumerate([2, 3, 1], start=1):
        for k in range(nz):
            m = labels[k, r0:r1, c0:c1] == value
            if not m.any():
                continue
            g = Dataset()
            pp = Dataset()
            ipp = [float(v) for v in cts[k].ImagePositionPatient]
            ipp[0] += c0 * float(ref.PixelSpacing[1]); ipp[1] += r0 * float(ref.PixelSpacing[0])
            pp.ImagePositionPatient = ["%.6f" % v for v in ipp]
            g.PlanePositionSequence = Sequence([pp])
            si = Dataset(); si.ReferencedSegmentNumber = number
            g.SegmentIdentificationSequence = Sequence([si])
            per_frame.append(g)
            if fractional:
                f = np.where(m, np.where((np.arange(c1 - c0)[None, :] % 3) == 0, 120, 200), 0).astype(np.uint8)
                # a rim just outside the lesion below one half
                rim = np.zeros_like(m)
                rim[:, 1:] |= m[:, :-1]; rim[:, :-1] |= m[:, 1:]
                f[rim & ~m] = 80
                planes.append(f)
            else:
                planes.append(m.astype(np.uint8))
    ds.Rows, ds.Columns = r1 - r0, c1 - c0
    ds.NumberOfFrames = len(planes)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per_frame)
    flat = np.concatenate([p.ravel() for p in planes])
    if fractional:
        ds.PixelData = flat.tobytes() + (b"\0" if flat.size % 2 else b"")
    else:
        packed = np.packbits(flat, bitorder="little").tobytes()  # PS3.5 8.1.1: first pixel in the least significant bit
        ds.PixelData = packed + (b"\0" if len(packed) % 2 else b"")

b = base(False); frames(b, 0, ny, 0, nx, False); b.save_as("seg_binary.dcm", write_like_original=False)
f = base(True); frames(f, 2, 34, 3, 39, True); f.save_as("seg_fractional.dcm", write_like_original=False)
