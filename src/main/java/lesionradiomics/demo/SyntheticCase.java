package lesionradiomics.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import lesionradiomics.io.NrrdWriter;
import lesionradiomics.volume.Geometry;

/**
 * A synthetic CT of a metastatic patient: a body (soft tissue, lungs, liver, spine) with Gaussian noise and lesions at
 * several sites. Lesions of one site share a site-specific density and texture style, so they resemble each other
 * more than lesions of other sites, as in real patients. Sizes are log-uniform between two voxel counts; shapes are
 * spheres, ellipsoids and lobulated blobs; textures homogeneous, noisy, necrotic, calcified or graded. Everything is
 * drawn from one seed, so the same arguments give the same volumes.
 */
public final class SyntheticCase {

	public static final String[] SITES = { "liver", "lung", "lymphnode", "bone", "peritoneum", "adrenal gland", "soft tissue" };
	private static final String[] TEXTURES = { "homogeneous", "noisy", "necrotic", "calcified", "gradient" };

	/** Where a lesion is and how it looks, so a follow-up scan can draw it again, grown or shrunk. */
	public record Shape(double[] center, double[] axes, double lobes, double phase, int texture, double mean) {}

	/** One lesion: label, site and its make-up. */
	public static final class Lesion {
		public final int label;
		public final String site;
		public final String texture;
		public final int voxels;
		public final Shape shape;

		Lesion(int label, String site, String texture, int voxels, Shape shape) {
			this.label = label;
			this.site = site;
			this.texture = texture;
			this.voxels = voxels;
			this.shape = shape;
		}
	}

	public final Geometry geometry;
	public final short[] image;
	public final int[] labels;
	public final List<Lesion> lesions = new ArrayList<>();

	/**
	 * @param size       voxels (x, y, z)
	 * @param spacing    mm (x, y, z)
	 * @param count      number of lesions
	 * @param minVoxels  smallest lesion size (voxels)
	 * @param maxVoxels  largest lesion size (voxels)
	 * @param sites      how many different sites the lesions are spread over (1..7)
	 */
	public SyntheticCase(int[] size, double[] spacing, int count, int minVoxels, int maxVoxels, int sites, long seed) {
		int nx = size[0], ny = size[1], nz = size[2];
		geometry = new Geometry(new long[] { nx, ny, nz }, spacing, new double[] { -nx * spacing[0] / 2, -ny * spacing[1] / 2, 0 },
				Geometry.identity());
		SplittableRandom random = new SplittableRandom(seed);
		image = new short[nx * ny * nz];
		labels = new int[image.length];
		body(random.split(), nx, ny, nz);
		SplittableRandom lesionRandom = random.split();
		double[] siteMean = new double[SITES.length];
		int[] siteTexture = new int[SITES.length];
		for (int s = 0; s < SITES.length; s++) {
			siteMean[s] = 20 + lesionRandom.nextDouble() * 90 + (SITES[s].equals("bone") ? 250 : 0);
			siteTexture[s] = lesionRandom.nextInt(TEXTURES.length);
		}
		int usedSites = Math.max(1, Math.min(sites, SITES.length));
		for (int label = 1; label <= count; label++) {
			int site = label <= usedSites ? label - 1 : lesionRandom.nextInt(usedSites);
			// 3 in 4 lesions share the site's texture style
			int texture = lesionRandom.nextInt(4) < 3 ? siteTexture[site] : lesionRandom.nextInt(TEXTURES.length);
			double target = Math.exp(Math.log(minVoxels) + lesionRandom.nextDouble() * (Math.log(maxVoxels) - Math.log(minVoxels)));
			double mean = siteMean[site] + lesionRandom.nextGaussian() * 8;
			Shape shape = place(lesionRandom, label, site, texture, target, mean, nx, ny, nz, spacing);
			if (shape != null) lesions.add(new Lesion(label, SITES[site], TEXTURES[texture], count(label), shape));
		}
	}

	private final java.util.Map<Integer, Integer> voxelCount = new java.util.HashMap<>();

	private int count(int label) {
		return voxelCount.getOrDefault(label, 0);
	}

	/**
	 * A follow-up scan of {@code baseline}: the same body, each lesion drawn again at its place with its axes times
	 * {@code growth[k]} (0: it has vanished), and {@code newLesions} new ones. Shrinking lesions become more necrotic
	 * (darker core, calmer texture) and growing ones more heterogeneous, so texture changes go with response.
	 */
	public SyntheticCase(SyntheticCase baseline, double[] growth, int newLesions, long seed) {
		geometry = baseline.geometry;
		int nx = (int) geometry.size()[0], ny = (int) geometry.size()[1], nz = (int) geometry.size()[2];
		double[] sp = geometry.spacing();
		SplittableRandom random = new SplittableRandom(seed);
		image = new short[nx * ny * nz];
		labels = new int[image.length];
		body(random.split(), nx, ny, nz);
		SplittableRandom r = random.split();
		int next = 0;
		for (int k = 0; k < baseline.lesions.size(); k++) {
			Lesion l = baseline.lesions.get(k);
			next = Math.max(next, l.label);
			if (growth[k] <= 0) continue;
			Shape s = l.shape;
			double[] axes = { s.axes()[0] * growth[k], s.axes()[1] * growth[k], s.axes()[2] * growth[k] };
			double noise = growth[k] > 1.15 ? 1.6 : growth[k] < 0.85 ? 0.6 : 1, necrosis = growth[k] < 0.85 ? -30 : 0;
			List<Integer> voxels = voxels(s.center(), axes, s.lobes(), s.phase(), nx, ny, nz, sp);
			render(r, voxels, l.label, s.center(), axes, s.texture(), s.mean() + necrosis, noise, nx, ny, sp);
			if (!voxels.isEmpty()) lesions.add(new Lesion(l.label, l.site, l.texture, voxels.size(), new Shape(s.center(), axes, s.lobes(), s.phase(), s.texture(),
					s.mean())));
		}
		for (int k = 0; k < newLesions; k++) {
			int site = r.nextInt(SITES.length);
			Shape shape = place(r, ++next, site, 0, 60, 50, nx, ny, nz, sp);
			if (shape != null) lesions.add(new Lesion(next, SITES[site], TEXTURES[0], count(next), shape));
		}
	}

	private void body(SplittableRandom r, int nx, int ny, int nz) {
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					double u = (x - nx / 2.0) / (nx * 0.45), v = (y - ny / 2.0) / (ny * 0.35);
					double hu;
					if (u * u + v * v > 1) hu = -1000;
					else {
						double lu = (Math.abs(u) - 0.45) / 0.3, lv = (v + 0.1) / 0.55, lz = (z - nz * 0.3) / (nz * 0.35);
						double bu = u / 0.12, bv = (v - 0.7) / 0.15;
						if (lu * lu + lv * lv + lz * lz < 1) hu = -850;
						else if (bu * bu + bv * bv < 1) hu = 450;
						else if (u > 0 && z > nz * 0.55 && (u - 0.4) * (u - 0.4) / 0.12 + v * v / 0.3 < 1) hu = 60;
						else hu = 40;
					}
					image[i] = (short) Math.round(hu + r.nextGaussian() * 12);
				}
	}

	/** Places one lesion; returns its shape (null when no free place was found). */
	private Shape place(SplittableRandom r, int label, int site, int texture, double targetVoxels, double mean, int nx, int ny, int nz,
			double[] sp) {
		double voxelVolume = sp[0] * sp[1] * sp[2];
		double radius = Math.cbrt(targetVoxels * voxelVolume * 3 / (4 * Math.PI));
		for (int attempt = 0; attempt < 40; attempt++, radius *= 0.97) {
			double[] axes = { radius * (0.75 + 0.5 * r.nextDouble()), radius * (0.75 + 0.5 * r.nextDouble()), radius * (0.75 + 0.5 * r.nextDouble()) };
			double scale = Math.cbrt(radius * radius * radius / (axes[0] * axes[1] * axes[2]));
			for (int d = 0; d < 3; d++) axes[d] *= scale;
			double lobes = texture == 2 || r.nextInt(3) == 0 ? 0.25 * r.nextDouble() : 0;
			double[] c = new double[3];
			int[] dims = { nx, ny, nz };
			for (int d = 0; d < 3; d++) {
				double margin = axes[d] * 1.3 / sp[d] + 1;
				double span = dims[d] - 2 * margin;
				c[d] = span > 0 ? margin + r.nextDouble() * span : dims[d] / 2.0;
			}
			// sites live in different parts of the body
			c[2] = Math.max(axes[2] / sp[2] + 1, Math.min(nz - axes[2] / sp[2] - 2, c[2] * 0.5 + nz * 0.5 * site / (SITES.length - 1.0)));
			double phase = r.nextDouble() * Math.PI;
			List<Integer> voxels = voxels(c, axes, lobes, phase, nx, ny, nz, sp);
			if (voxels == null || voxels.isEmpty()) continue;
			render(r, voxels, label, c, axes, texture, mean, 1, nx, ny, sp);
			return new Shape(c, axes, lobes, phase, texture, mean);
		}
		return null;
	}

	/** The free voxels inside a (lobulated) ellipsoid, or null when it would overlap another lesion. */
	private List<Integer> voxels(double[] c, double[] axes, double lobes, double phase, int nx, int ny, int nz, double[] sp) {
		int[] dims = { nx, ny, nz }, lo = new int[3], hi = new int[3];
		for (int d = 0; d < 3; d++) {
			lo[d] = Math.max(0, (int) Math.floor(c[d] - axes[d] * 1.3 / sp[d]) - 1);
			hi[d] = Math.min(dims[d] - 1, (int) Math.ceil(c[d] + axes[d] * 1.3 / sp[d]) + 1);
		}
		List<Integer> voxels = new ArrayList<>();
		for (int z = lo[2]; z <= hi[2]; z++)
			for (int y = lo[1]; y <= hi[1]; y++)
				for (int x = lo[0]; x <= hi[0]; x++) {
					double dx = (x - c[0]) * sp[0] / axes[0], dy = (y - c[1]) * sp[1] / axes[1], dz = (z - c[2]) * sp[2] / axes[2];
					double rr = Math.sqrt(dx * dx + dy * dy + dz * dz);
					double bump = 1 + lobes * Math.sin(3 * Math.atan2(dy, dx) + phase) * Math.cos(2 * Math.atan2(dz, Math.hypot(dx, dy)));
					if (rr > bump) continue;
					int i = x + nx * (y + ny * z);
					if (labels[i] != 0) return null;
					voxels.add(i);
				}
		return voxels;
	}

	/** Writes a lesion's intensities (its texture, noise scaled by {@code noise}) and label. */
	private void render(SplittableRandom r, List<Integer> voxels, int label, double[] c, double[] axes, int texture, double mean, double noise, int nx,
			int ny, double[] sp) {
		voxelCount.put(label, voxels.size());
		{
			for (int i : voxels) {
				int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
				double dx = (x - c[0]) * sp[0] / axes[0], dy = (y - c[1]) * sp[1] / axes[1], dz = (z - c[2]) * sp[2] / axes[2];
				double rr = Math.sqrt(dx * dx + dy * dy + dz * dz);
				double hu = mean;
				switch (texture) {
				case 0: hu += r.nextGaussian() * 8 * noise; break;
				case 1: hu += r.nextGaussian() * 35 * noise; break;
				case 2: hu += (rr < 0.55 ? -35 : 0) + r.nextGaussian() * 12 * noise; break;
				case 3: hu += (r.nextInt(12) == 0 ? 350 : 0) + r.nextGaussian() * 12 * noise; break;
				default: hu += 45 * dx + r.nextGaussian() * 10 * noise; break;
				}
				image[i] = (short) Math.round(hu);
				labels[i] = label;
			}
		}
	}

	/** Writes {@code <name>_image.nrrd}, {@code <name>_labels.nrrd} (gzip) into {@code dir}. */
	public void write(Path dir, String name) throws IOException {
		NrrdWriter.writeShorts(dir.resolve(name + "_image.nrrd"), image, geometry, true);
		Map<Long, String> names = new TreeMap<>();
		for (Lesion l : lesions) names.put((long) l.label, l.site);
		NrrdWriter.writeLabels(dir.resolve(name + "_labels.nrrd"), labels, geometry, true, names);
	}
}
