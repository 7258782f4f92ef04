#!/usr/bin/python3
"""Golden response maps of IBSI 2 filters on a small random image, computed straight from the IBSI 2 definitions
with scipy.ndimage / numpy (full, non-separable kernels; explicit rotations by np.rot90; numpy's FFT) -- none of it
shares code or structure with the Java filters, which decompose kernels into 1D passes and rotate by signed axis
permutations.  Regenerate:  /usr/bin/python3 make_golden.py > golden.txt   (Debian python3-scipy, python3-pywt)

Format: 'size nx ny nz', 'spacing sx sy sz', 'image v...' (x fastest), then per case 'case <spec>' and 'values v...'."""
import itertools
import numpy as np
import scipy.ndimage as ndi
import pywt

rng = np.random.default_rng(20250)
nz, ny, nx = 7, 9, 11
img = rng.integers(-50, 200, size=(nz, ny, nx)).astype(float)   # numpy order z, y, x
spacing = 2.0
MODES = {"zero": "constant", "nearest": "nearest", "periodic": "wrap", "mirror": "reflect"}
cases = []

def conv(a, k, b):
    # true convolution (kernel flipped), odd kernel centred: ndimage.convolve
    return ndi.convolve(a, k, mode=MODES[b], cval=0.0)

# mean, every boundary, 3D and 2D
for b in MODES:
    cases.append(("Mean:support=5,boundary=" + b, conv(img, np.ones((5, 5, 5)) / 125, b)))
cases.append(("Mean:support=3,dims=2,boundary=mirror", conv(img, np.ones((1, 3, 3)) / 9, "mirror")))

# LoG, the full 3D kernel of the IBSI formula, sigma in voxels, truncated at floor(4 sigma + 1/2)
def log_kernel(sigma_vox, d):
    h = int(np.floor(4 * sigma_vox + 0.5))
    r = np.arange(-h, h + 1, dtype=float)
    if d == 3:
        z, y, x = np.meshgrid(r, r, r, indexing="ij")
        n2 = x * x + y * y + z * z
    else:
        y, x = np.meshgrid(r, r, indexing="ij")
        n2 = x * x + y * y
    k = -1 / sigma_vox ** 2 * (1 / np.sqrt(2 * np.pi * sigma_vox ** 2)) ** d * (d - n2 / sigma_vox ** 2) * np.exp(-n2 / (2 * sigma_vox ** 2))
    return k if d == 3 else k[None, :, :], h
k, _ = log_kernel(3.0 / spacing, 3)
cases.append(("LoG:sigma=3,boundary=nearest", conv(img, k, "nearest")))
k, _ = log_kernel(2.0 / spacing, 2)
cases.append(("LoG:sigma=2,dims=2,boundary=periodic", conv(img, k, "periodic")))

# Laws: outer product (first kernel along x), rotated by every right-angle rotation of the cube (np.rot90)
L = {"L5": [1, 4, 6, 4, 1], "E5": [-1, -2, 0, 2, 1], "S5": [-1, 0, 2, 0, -1], "E3": [-1, 0, 1], "L3": [1, 2, 1], "S3": [-1, 2, -1], "R5": [1, -4, 6, -4, 1]}
def unit(v):
    v = np.array(v, float)
    return v / np.sqrt((v * v).sum())
def laws3(name):
    kx, ky, kz = (unit(L[name[i:i + 2]]) for i in (0, 2, 4))
    return np.einsum("z,y,x->zyx", kz, ky, kx)
def rotations(k):
    seen, out = [], []
    for a, b, c in itertools.product(range(4), repeat=3):
        r = np.rot90(np.rot90(np.rot90(k, a, (0, 1)), b, (0, 2)), c, (1, 2))
        if not any(r.shape == s.shape and np.array_equal(r, s) for s in seen):
            seen.append(r)
    return seen
k = laws3("E5L3S5")
cases.append(("Laws:kernel=E5L3S5,boundary=zero", conv(img, k, "zero")))
resp = np.max([conv(img, r, "mirror") for r in rotations(k)], axis=0)
cases.append(("Laws:kernel=E5L3S5,rotation=invariant,pooling=max,boundary=mirror", resp))
resp = np.mean([conv(img, r, "periodic") for r in rotations(laws3("L5S3R5"))], axis=0)
energy = conv(np.abs(resp), np.ones((5, 5, 5)) / 125, "periodic")
cases.append(("Laws:kernel=L5S3R5,rotation=invariant,pooling=average,energy=2,boundary=periodic", energy))

# separable wavelet, undecimated, a trous: even filters get a trailing 0; level 2 low-passes first, then the band's
# filters with a zero between taps
def odd(f):
    f = list(f)
    return np.array(f + [0.0] if len(f) % 2 == 0 else f)
def dilate(f):
    d = np.zeros(2 * len(f) - 1)
    d[::2] = f
    return d
def wavelet(name, band, level, b):
    w = pywt.Wavelet(name)
    lo, hi = odd(w.dec_lo), odd(w.dec_hi)
    a = img
    pre = lo
    filt = [lo if c == "L" else hi for c in band]
    for _ in range(level - 1):
        a = conv(a, np.einsum("z,y,x->zyx", pre, pre, pre), b)
        pre = dilate(pre)
        filt = [dilate(f) for f in filt]
    return conv(a, np.einsum("z,y,x->zyx", filt[2], filt[1], filt[0]), b)
cases.append(("Wavelet:family=db3,band=LHL,level=1,boundary=mirror", wavelet("db3", "LHL", 1, "mirror")))
cases.append(("Wavelet:family=sym2,band=HLH,level=2,boundary=zero", wavelet("sym2", "HLH", 2, "zero")))

# Gabor, axial planes, modulus of the complex response; kernel over the larger in-plane size (odd)
def gabor(sigma, lam, gamma, theta, b):
    h = max(nx, ny) // 2
    r = np.arange(-h, h + 1) * spacing
    y, x = np.meshgrid(r, r, indexing="ij")
    yr = -np.cos(theta) * y + np.sin(theta) * x
    xr = np.sin(theta) * y + np.cos(theta) * x
    k = np.exp(-(xr ** 2 + gamma ** 2 * yr ** 2) / (2 * sigma ** 2)) * np.exp(1j * 2 * np.pi * xr / lam)
    re = conv(img, k.real[None], b)
    im = conv(img, k.imag[None], b)
    return np.hypot(re, im)
cases.append(("Gabor:sigma=6,lambda=5,gamma=0.75,theta=30,boundary=zero", gabor(6, 5, 0.75, np.pi / 6, "zero")))

# Simoncelli and Riesz in the Fourier domain, on the centred [-1, 1] frequency grid of the IBSI 2 implementations
def centred_grid(shape):
    axes = [(np.arange(n) - (n - 1) / 2) / ((n - 1) / 2) for n in shape]
    return np.meshgrid(*axes, indexing="ij")
def riesz(shape, order_xyz):
    gz, gy, gx = centred_grid(shape)
    norm = np.sqrt(gx ** 2 + gy ** 2 + gz ** 2)
    lx, ly, lz = order_xyz
    l = lx + ly + lz
    from math import factorial
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (-1j) ** l * np.sqrt(factorial(l) / (factorial(lx) * factorial(ly) * factorial(lz))) * gx ** lx * gy ** ly * gz ** lz / norm ** l
    return np.nan_to_num(r)
def simoncelli(level, order=None):
    gz, gy, gx = centred_grid(img.shape)
    nu = np.sqrt(gx ** 2 + gy ** 2 + gz ** 2)
    m = 2.0 ** (1 - level)
    band = np.where((nu >= m / 4) & (nu <= m), np.cos(np.pi / 2 * np.log2(np.maximum(2 * nu / m, 1e-300))), 0.0)
    if order is not None:
        band = band * riesz(img.shape, order)
    return np.real(np.fft.ifftn(np.fft.fftn(img) * np.fft.ifftshift(band)))
cases.append(("Simoncelli:level=1", simoncelli(1)))
cases.append(("Simoncelli:level=2,riesz=011", simoncelli(2, (0, 1, 1))))
# Riesz of LoG: image padded by the kernel half-width, kernel FFT on the padded grid, Riesz multiplier, crop
k, h = log_kernel(3.0 / spacing, 3)
padded = np.pad(img, h, mode="constant")
kf = np.fft.fftn(k, padded.shape)          # kernel at the corner: the result is shifted by h, cropped at 2h
resp = np.real(np.fft.ifftn(np.fft.fftn(padded) * np.fft.ifftshift(np.fft.fftshift(kf) * riesz(padded.shape, (0, 0, 1)))))
cases.append(("RieszLoG:sigma=3,boundary=zero,riesz=001", resp[2 * h:2 * h + nz, 2 * h:2 * h + ny, 2 * h:2 * h + nx]))

print("size", nx, ny, nz)
print("spacing", spacing, spacing, spacing)
print("image", " ".join("%d" % v for v in img.ravel()))
for spec, v in cases:
    print("case", spec)
    print("values", " ".join(repr(float(x)) for x in v.ravel()))
