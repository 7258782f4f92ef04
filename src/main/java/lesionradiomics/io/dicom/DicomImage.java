package lesionradiomics.io.dicom;

import java.util.List;

import lesionradiomics.io.ImageData;

/**
 * An image series assembled into a volume, with what identifies it in the archive.
 *
 * @param instanceUids SOP instance UIDs in slice order (one per slice; a multi-frame file repeats its UID per frame)
 * @param first        the first slice's dataset (PET SUV tags, patient data)
 */
public record DicomImage(ImageData data, String seriesUid, String studyUid, String frameOfReferenceUid, String modality, String description,
		List<String> instanceUids, DicomObject first) {

	public DicomImage {
		instanceUids = List.copyOf(instanceUids);
	}
}
