package lesionradiomics.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lesionradiomics.io.NiftiReader;
import lesionradiomics.preprocess.IbsiInterpolation;
import lesionradiomics.preprocess.IbsiResegmentation;
import lesionradiomics.preprocess.Resampler;
import lesionradiomics.testing.SharedReference;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;

/**
 * IBSI 2 phase 2, the filter side: the CT phantom's response maps summarised by the 18 intensity statistics and
 * compared with the consensus values of {@code phase2_reference_values.csv} within their tolerances; the count per
 * configuration and in all is printed. Configurations A: 2D filters (slice by slice), no interpolation.
 * Configurations B: 3D filters after IBSI 1 interpolation ({@link IbsiInterpolation}) of the whole image to 1 mm
 * isotropic voxels — grid centres aligned, tricubic B-spline for the image rounded to whole HU, trilinear for the
 * mask kept at ≥ 0.5 — with the 3D form of each filter (Gabor pooled over the three orthogonal planes). Both: the
 * mask re-segmented to [−1000, 400] HU, mirror boundary, then the statistics (IBSI 1 definitions: population moments,
 * linear-interpolation percentiles) of the response map over that mask — spelled out in this test independently of
 * the extraction's IBSI mode. 8.B's quartile coefficient of dispersion has no consensus value: 323 values in all.
 * Filters with a finite support are computed on the ROI's box grown by their margin ({@link BoxFiltering}: the whole
 * image's response there), the Fourier-domain ones on the whole image.
 */
class Ibsi2Phase2Test {

	/** Configuration A's filter (null: the image itself). */
	static final Map<String, String> A = new LinkedHashMap<>();
	static {
		A.put("1.A", null);
		A.put("2.A", "Mean:support=5,dims=2,boundary=mirror");
		A.put("3.A", "LoG:sigma=1.5,dims=2,boundary=mirror");
		A.put("4.A", "Laws:kernel=L5E5,rotation=invariant,pooling=max,energy=7,boundary=mirror");
		A.put("5.A", "Gabor:sigma=5,lambda=2,gamma=1.5,theta=0,step=22.5,pooling=average,boundary=mirror");
		A.put("6.A", "Wavelet:family=db3,band=LH,level=1,rotation=invariant,pooling=average,boundary=mirror");
		A.put("7.A", "Wavelet:family=db3,band=HH,level=2,rotation=invariant,pooling=average,boundary=mirror");
		A.put("8.A", "Simoncelli:level=1,dims=2");
		A.put("9.A", "Simoncelli:level=2,dims=2");
	}

	/** Configuration B's filter: the same filters in 3D (Gabor pooled over the three orthogonal planes). */
	static final Map<String, String> B = new LinkedHashMap<>();
	static {
		B.put("1.B", null);
		B.put("2.B", "Mean:support=5,boundary=mirror");
		B.put("3.B", "LoG:sigma=1.5,boundary=mirror");
		B.put("4.B", "Laws:kernel=L5E5E5,rotation=invariant,pooling=max,energy=7,boundary=mirror");
		B.put("5.B", "Gabor:sigma=5,lambda=2,gamma=1.5,theta=0,step=22.5,planes=3,pooling=average,boundary=mirror");
		B.put("6.B", "Wavelet:family=db3,band=LLH,level=1,rotation=invariant,pooling=average,boundary=mirror");
		B.put("7.B", "Wavelet:family=db3,band=HHH,level=2,rotation=invariant,pooling=average,boundary=mirror");
		B.put("8.B", "Simoncelli:level=1");
		B.put("9.B", "Simoncelli:level=2");
	}

	/** The 18 statistics by IBSI tag, of the values {@code x}. */
	static Map<String, Double> statistics(double[] x) {
		double[] s = x.clone();
		Arrays.sort(s);
		int n = s.length;
		double mean = Arrays.stream(s).average().orElseThrow();
		double m2 = 0, m3 = 0, m4 = 0, energy = 0, mad = 0;
		for (double v : s) {
			double d = v - mean;
			m2 += d * d;
			m3 += d * d * d;
			m4 += d * d * d * d;
			energy += v * v;
			mad += Math.abs(d);
		}
		m2 /= n;
		m3 /= n;
		m4 /= n;
		double median = percentile(s, 50), p10 = percentile(s, 10), p90 = percentile(s, 90), p25 = percentile(s, 25), p75 = percentile(s, 75);
		double robustSum = 0, robustAbs = 0;
		int robustN = 0;
		for (double v : s) if (v >= p10 && v <= p90) {
			robustSum += v;
			robustN++;
		}
		double robustMean = robustSum / robustN;
		for (double v : s) if (v >= p10 && v <= p90) robustAbs += Math.abs(v - robustMean);
		double medad = 0;
		for (double v : s) medad += Math.abs(v - median);
		Map<String, Double> out = new LinkedHashMap<>();
		out.put("stat_mean", mean);
		out.put("stat_var", m2);
		out.put("stat_skew", m3 / Math.pow(m2, 1.5));
		out.put("stat_kurt", m4 / (m2 * m2) - 3);
		out.put("stat_median", median);
		out.put("stat_min", s[0]);
		out.put("stat_p10", p10);
		out.put("stat_p90", p90);
		out.put("stat_max", s[n - 1]);
		out.put("stat_iqr", p75 - p25);
		out.put("stat_range", s[n - 1] - s[0]);
		out.put("stat_mad", mad / n);
		out.put("stat_rmad", robustAbs / robustN);
		out.put("stat_medad", medad / n);
		out.put("stat_cov", Math.sqrt(m2) / mean);
		out.put("stat_qcod", (p75 - p25) / (p75 + p25));
		out.put("stat_energy", energy);
		out.put("stat_rms", Math.sqrt(energy / n));
		return out;
	}

	/** Linear interpolation between order statistics (R type 7, numpy's default). */
	static double percentile(double[] sorted, double p) {
		double h = (sorted.length - 1) * p / 100;
		int lo = (int) Math.floor(h);
		return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
	}

	/** The consensus values by configuration and IBSI tag as (value, tolerance); blank consensus values are left out. */
	static Map<String, Map<String, double[]>> reference() throws Exception {
		Path csv = SharedReference.require("ibsi/phase2_reference_values.csv");
		Map<String, Map<String, double[]>> reference = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(csv);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(";", -1);
			if (f[3].isBlank()) continue; // no consensus (8.B quartile coefficient of dispersion)
			reference.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], new double[] { Double.parseDouble(f[3]), Double.parseDouble(f[4]) });
		}
		return reference;
	}

	static Path phantom() {
		Path phantom = SharedReference.root().getParent().resolve("dicom/ibsi_1_ct_radiomics_phantom/nifti");
		assumeTrue(Files.isDirectory(phantom), "skipped: " + phantom + " not found (../shared is absent)");
		return phantom;
	}

	/**
	 * Filters every configuration of {@code configs} on the image {@code values} (grid {@code size}, {@code spacing}
	 * mm), takes the statistics over the voxels {@code kept} and compares them with the consensus; one table line per
	 * configuration goes to {@code table}, misses to {@code failures}.
	 */
	static void compare(Map<String, String> configs, Map<String, Map<String, double[]>> reference, double[] values, int[] size, double[] spacing,
			List<Integer> kept, StringBuilder table, List<String> failures) {
		int total = 0, passed = 0;
		for (Map.Entry<String, String> c : configs.entrySet()) {
			String config = c.getKey(), spec = c.getValue();
			double[] x = new double[kept.size()];
			ResponseFilter f = spec == null ? null : FilterSpec.parse(spec);
			int[][] box = box(kept, size);
			if (f != null && BoxFiltering.cheaper(f, size, spacing, List.<int[][]>of(box))) {
				// the margin rule: the ROI's box filtered on its own crop (the whole image's response there)
				double[] r = BoxFiltering.inBox(f, i -> values[i], size, spacing, box[0], box[1]);
				int bx = box[1][0] - box[0][0] + 1, by = box[1][1] - box[0][1] + 1;
				for (int i = 0; i < x.length; i++) {
					int k = kept.get(i), px = k % size[0] - box[0][0], py = (k / size[0]) % size[1] - box[0][1], pz = k / (size[0] * size[1]) - box[0][2];
					x[i] = r[px + bx * (py + by * pz)];
				}
			} else {
				double[] response = f == null ? values : f.apply(values, size, spacing);
				for (int i = 0; i < x.length; i++) x[i] = response[kept.get(i)];
			}
			Map<String, Double> ours = statistics(x);
			int ok = 0;
			StringBuilder off = new StringBuilder();
			for (Map.Entry<String, double[]> e : reference.get(config).entrySet()) {
				double v = ours.get(e.getKey()), ref = e.getValue()[0], tol = e.getValue()[1];
				if (Math.abs(v - ref) <= tol) ok++;
				else {
					off.append(String.format(Locale.ROOT, " %s %.4g (ref %.4g ± %.2g)", e.getKey(), v, ref, tol));
					failures.add(config + " " + e.getKey());
				}
			}
			total += reference.get(config).size();
			passed += ok;
			table.append(String.format(Locale.ROOT, "%-4s %2d/%2d within tolerance  %s%s%n", config, ok, reference.get(config).size(), spec == null ? "(image)" : spec, off));
		}
		table.append(String.format(Locale.ROOT, "total %d/%d%n", passed, total));
	}

	/** The bounding box {min, max} of the voxels {@code kept}. */
	static int[][] box(List<Integer> kept, int[] size) {
		int[] lo = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE }, hi = { -1, -1, -1 };
		for (int k : kept) {
			int[] p = { k % size[0], (k / size[0]) % size[1], k / (size[0] * size[1]) };
			for (int d = 0; d < 3; d++) {
				lo[d] = Math.min(lo[d], p[d]);
				hi[d] = Math.max(hi[d], p[d]);
			}
		}
		return new int[][] { lo, hi };
	}

	@Test
	void configurationsAWithinTheConsensusTolerances() throws Exception {
		Map<String, Map<String, double[]>> reference = reference();
		Path phantom = phantom();
		Volume image = NiftiReader.read(phantom.resolve("image/phantom.nii.gz")).asVolume();
		Volume mask = NiftiReader.read(phantom.resolve("mask/mask.nii.gz")).asVolume();
		double[] values = Ibsi2Phase1Test.values(image), roi = Ibsi2Phase1Test.values(mask);
		long[] d = image.geometry().size();
		int[] size = { (int) d[0], (int) d[1], (int) d[2] };
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < values.length; i++) if (roi[i] > 0.5 && values[i] >= -1000 && values[i] <= 400) kept.add(i);
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "IBSI 2 phase 2, configurations A (CT phantom, %d voxels after re-segmentation)%n", kept.size()));
		List<String> failures = new ArrayList<>();
		compare(A, reference, values, size, image.geometry().spacing(), kept, table, failures);
		System.out.print(table);
		assertTrue(failures.isEmpty(), "outside the consensus tolerance: " + failures);
	}

	@Test
	void configurationsBWithinTheConsensusTolerances() throws Exception {
		Map<String, Map<String, double[]>> reference = reference();
		Path phantom = phantom();
		Volume image = NiftiReader.read(phantom.resolve("image/phantom.nii.gz")).asVolume();
		LabelMap mask = NiftiReader.read(phantom.resolve("mask/mask.nii.gz")).asLabelMap();
		long[] n = image.geometry().size();
		// the whole image on IBSI's 1 mm grid: the B-spline image rounded to HU, the trilinear mask cut at 0.5
		BoundingBox all = new BoundingBox(new long[3], new long[] { n[0] - 1, n[1] - 1, n[2] - 1 }, 0);
		LesionRegion r = IbsiInterpolation.resampleLesion(image, mask, 1, all, new double[] { 1, 1, 1 }, Resampler.Interpolator.BSPLINE,
				Resampler.Interpolator.LINEAR, 0.5, true, 0);
		double[] values = r.values();
		boolean[] roi = new IbsiResegmentation(-1000, 400, Double.NaN).apply(values, r.mask());
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < values.length; i++) if (roi[i]) kept.add(i);
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "IBSI 2 phase 2, configurations B (CT phantom on a %s grid of 1 mm, %d voxels after re-segmentation)%n",
				Arrays.toString(r.size()), kept.size()));
		List<String> failures = new ArrayList<>();
		compare(B, reference, values, r.size(), r.spacing(), kept, table, failures);
		System.out.print(table);
		assertTrue(failures.isEmpty(), "outside the consensus tolerance: " + failures);
	}
}
