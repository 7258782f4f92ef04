#!/usr/bin/python3
"""Golden values for the image filters, computed outside the project with PyWavelets 1.1.1 and numpy (Debian 12:
python3-pywt, python3-numpy). Run: /usr/bin/python3 make_filter_golden.py > filter_golden.csv

The input is a small integer volume with odd sizes (numpy shape z, y, x = 5, 6, 7). The wavelet bands are made the way
pyradiomics' _swt3 makes them (pad odd axes by one wrapped slice, pywt.swtn level 1 over axes (2, 1, 0), cut the pad off);
the simple filters are pyradiomics' formulas (getSquareImage, getSquareRootImage, getLogarithmImage,
getExponentialImage) written out here with numpy. Rows: filter, then the values in memory order (x fastest)."""
import numpy as np
import pywt

rng = np.random.RandomState(7)
vol = rng.randint(-1000, 1500, size=(5, 6, 7)).astype(np.int16)

out = []
pad = tuple((0, 1 if d % 2 else 0) for d in vol.shape)
data = np.pad(vol, pad, 'wrap')
dec = pywt.swtn(data, 'coif1', level=1, start_level=0, axes=(2, 1, 0))[0]
cut = tuple(slice(None, -1 if d % 2 else None) for d in vol.shape)
for key, band in dec.items():
    name = 'wavelet-' + key.replace('a', 'L').replace('d', 'H')
    out.append((name, band[cut]))

im = vol.astype('float64')
m = np.max(np.abs(im))
out.append(('square', (1 / np.sqrt(m) * im) ** 2))
r = im.copy(); r[r > 0] = np.sqrt(r[r > 0] * m); r[r < 0] = -np.sqrt(-r[r < 0] * m)
out.append(('squareroot', r))
l = im.copy(); l[l > 0] = np.log(l[l > 0] + 1); l[l < 0] = -np.log(-(l[l < 0] - 1)); l = l * (m / np.max(np.abs(l)))
out.append(('logarithm', l))
out.append(('exponential', np.exp(np.log(m) / m * im)))

print('filter,' + ','.join(str(v) for v in vol.ravel()))
for name, arr in out:
    print(name + ',' + ','.join(repr(float(v)) for v in arr.ravel()))
