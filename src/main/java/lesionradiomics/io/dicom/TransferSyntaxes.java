package lesionradiomics.io.dicom;

import java.util.Map;

/** Names of transfer syntaxes (PS3.6 annex A), for messages. */
final class TransferSyntaxes {

	private TransferSyntaxes() {}

	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("1.2.840.10008.1.2", "Implicit VR Little Endian"),
			Map.entry("1.2.840.10008.1.2.1", "Explicit VR Little Endian"), Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
			Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"), Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
			Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"), Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
			Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"), Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
			Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"), Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
			Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"), Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
			Map.entry("1.2.840.10008.1.2.4.100", "MPEG2"), Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

	static String name(String uid) {
		String n = NAMES.get(uid);
		if (n != null) return n;
		if (uid.startsWith("1.2.840.10008.1.2.4.")) return "a JPEG-family compression";
		return "unknown";
	}
}
