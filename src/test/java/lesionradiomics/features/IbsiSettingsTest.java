package lesionradiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.Test;

import lesionradiomics.preprocess.IbsiInterpolation;
import lesionradiomics.preprocess.Resampler;
import lesionradiomics.progress.Progress;
import lesionradiomics.volume.BoundingBox;
import lesionradiomics.volume.Geometry;
import lesionradiomics.volume.LabelMap;
import lesionradiomics.volume.LesionRegion;
import lesionradiomics.volume.Volume;
import lesionradiomics.workflow.ExtractionOptions;
import net.imglib2.img.array.ArrayImgs;

/** IBSI mode's settings and wiring: preset, rules alone, refusals before any file is read, run record notes. */
class IbsiSettingsTest {

	@Test
	void presetAndStandardSettingBringIbsiRules() {
		FeatureSettings p = FeatureSettings.ibsiPreset();
		assertTrue(p.ibsi() && p.centreAlignedGrid() && p.roundIntensities());
		assertEquals("sitkLinear", p.maskInterpolator());
		FeatureSettings yaml = FeatureSettings.fromMap(Map.of("standard", "ibsi", "gridAlignment", "corner"));
		assertFalse(yaml.centreAlignedGrid(), "a rule given with standard=ibsi wins");
		ExtractionOptions d = ExtractionOptions.DEFAULTS;
		ExtractionOptions o = new ExtractionOptions("ibsi", d.settings(), d.imageTypes(), d.classes(), d.features(), d.splitComponents(), d.minLesionMm3(),
				d.nanPolicy(), d.voi(), d.ringMm());
		assertTrue(o.featureSettings().ibsi());
		assertEquals(FeatureRegistry.columns(o.featureSettings()).size(), 29 + 2 + 18 + 23 + 7 + 2 * (25 + 16) + 16 + 16 + 5 + 17 + IbsiExtraction.DIAGNOSTICS.size());
	}

	@Test
	void ibsiOnlyRulesRefusedInPyradiomicsModeAndMixedRulesRecorded() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSettings.fromMap(Map.of("resegmentSigma", "3")));
		assertTrue(e.getMessage().contains("standard=ibsi"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> FeatureSettings.fromMap(Map.of("standard", "ibsi", "binRange", "-1000,3000,400")));
		assertThrows(IllegalArgumentException.class, () -> FeatureSettings.fromMap(Map.of("standard", "iso")));
		// pyradiomics mode's record is as before: no IBSI setting listed
		for (String k : FeatureSettings.defaults().asMap().keySet())
			assertFalse(List.of("standard", "gridAlignment", "maskInterpolator", "maskThreshold", "roundIntensities", "mixedStandards").contains(k), k);
		FeatureSettings mixed = FeatureSettings.fromMap(Map.of("gridAlignment", "centre", "resampledPixelSpacing", "2,2,2"));
		assertEquals("IBSI rules in pyradiomics mode: gridAlignment=centre", mixed.asMap().get("mixedStandards"));
		assertTrue(FeatureSettings.ibsiPreset().asMap().containsKey("standard"));
	}

	@Test
	void halfInsideMaskVoxelsKept() {
		assertTrue(IbsiInterpolation.keep(0.5, 0.5));
		assertTrue(IbsiInterpolation.keep(0.49999999999999994, 0.5), "IBSI's warning: 0.5 computed as 0.4999...");
		assertFalse(IbsiInterpolation.keep(0.4999, 0.5));
		// 4 voxels of 1 mm, mask 1,1,1,0, to 2 mm on the centre-aligned grid: new voxels at 0.5 and 2.5 → mask 1 and 0.5
		Geometry g = Geometry.of(new long[] { 4, 1, 1 }, new double[] { 1, 1, 1 });
		Volume v = new Volume(ArrayImgs.doubles(new double[] { 10, 20, 30, 40 }, 4, 1, 1), g);
		LabelMap m = new LabelMap(ArrayImgs.unsignedBytes(new byte[] { 1, 1, 1, 0 }, 4, 1, 1), g);
		LesionRegion r = IbsiInterpolation.resampleLesion(v, m, 1, new BoundingBox(new long[] { 0, 0, 0 }, new long[] { 2, 0, 0 }, 3),
				new double[] { 2, 0, 0 }, Resampler.Interpolator.LINEAR, Resampler.Interpolator.LINEAR, 0.5, true, 0);
		assertEquals(2, r.size(0));
		assertEquals(15, r.values()[0]);
		assertEquals(35, r.values()[1]);
		assertTrue(r.mask()[0] && r.mask()[1]);
		assertEquals(2, IbsiInterpolation.gridSize(4, 1, 2));
		assertEquals(3, IbsiInterpolation.gridSize(5, 1, 2), "ceil(extent / spacing)");
	}

	/** The digital phantom through the extractor (standard = ibsi, bins of width 1 from the minimum: the levels as given). */
	@Test
	void extractorInIbsiModeGivesTheDigitalPhantomValues() throws Exception {
		IbsiReference.Image image = IbsiReference.read(lesionradiomics.testing.SharedReference.require("ibsi/digital_phantom/phantom.nii.gz"));
		IbsiReference.Image mask = IbsiReference.read(lesionradiomics.testing.SharedReference.require("ibsi/digital_phantom/mask.nii.gz"));
		long[] size = { image.size()[0], image.size()[1], image.size()[2] };
		Geometry g = Geometry.of(size, image.spacing());
		byte[] labels = new byte[mask.values().length];
		for (int i = 0; i < labels.length; i++) labels[i] = (byte) mask.values()[i];
		Volume v = new Volume(ArrayImgs.doubles(image.values(), size), g);
		LabelMap lm = new LabelMap(ArrayImgs.unsignedBytes(labels, size), g);
		FeatureSettings s = FeatureSettings.fromMap(Map.of("standard", "ibsi", "binWidth", "1"));
		ExecutorService ex = Executors.newSingleThreadExecutor();
		try {
			LesionFeatures f = new LesionExtractor(s).extractAll(v, lm, ex, Progress.NONE).get(0);
			assertTrue(f.ok(), f.error().orElse(""));
			assertEquals(FeatureRegistry.columns(s), List.copyOf(f.values().keySet()));
			List<IbsiReference.Row> rows = IbsiReference.rows(IbsiReference.json(), "dig").stream()
					.filter(r -> !r.column().contains("_2D") && !r.column().contains("_2_5D")).toList();
			List<String> misses = IbsiReference.misses(rows, f.values());
			System.out.println("IBSI digital phantom through the extractor (3D): " + (rows.size() - misses.size()) + " of " + rows.size());
			assertTrue(misses.isEmpty(), misses.toString());
			assertEquals(74, f.get("diagnostics_ibsi_IntensityMaskVoxels"));
		} finally {
			ex.shutdown();
		}
	}
}
