package lesionradiomics.cli;

import java.nio.file.Path;

import lesionradiomics.io.dicom.DicomOptions;
import picocli.CommandLine.Option;

/** The CLI's DICOM choices (a picocli mixin of {@link ImagesCliArgs}): series, ROIs and how ROI names become sites. */
final class DicomCliArgs {

	@Option(names = "--series", paramLabel = "UID", description = "DICOM: SeriesInstanceUID of the image series (default: the only one, or the one the RTSTRUCT/SEG refers to).")
	String series;

	@Option(names = "--roi", paramLabel = "REGEX", description = "DICOM: ROIs/segments whose whole name matches (case-insensitive), e.g. 'GTV.*' to leave out BODY and organs at risk (default: all).")
	String roi;

	@Option(names = "--site-map", paramLabel = "MAP.csv", description = "DICOM: CSV name,site mapping ROI names to sites (default: the ROI name is the site).")
	Path siteMap;

	@Option(names = "--site-regex", paramLabel = "REGEX", description = "DICOM: site from the first capture group of the ROI name, e.g. 'GTV_(liver|lung|bone)_\\d+'.")
	String siteRegex;

	@Option(names = "--suv", paramLabel = "bw|sul|none", description = "DICOM PET in Bq/ml: SUV by body weight (default), by lean body mass (SUL, James) or none (as stored).")
	String suv;

	DicomOptions options() {
		return new DicomOptions(series, roi, siteMap, siteRegex, suv);
	}
}
