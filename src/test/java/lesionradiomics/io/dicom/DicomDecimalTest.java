package lesionradiomics.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The DS fast path gives exactly {@link Double#parseDouble}'s double (bit for bit) on decimals as archives write them, and the same refusals. */
class DicomDecimalTest {

	static double fast(String s) {
		return DicomObject.decimal(s, 0, s.length());
	}

	@Test
	void sameBitsAsParseDouble() {
		SplittableRandom r = new SplittableRandom(11);
		for (int k = 0; k < 200_000; k++) {
			double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 6));
			String s = switch (k % 4) {
			case 0 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 10) + "f", x);
			case 1 -> Double.toString(x);
			case 2 -> " " + String.format(Locale.ROOT, "%.6f", x) + " ";
			default -> Long.toString(r.nextLong(-99999999, 99999999));
			};
			assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s.trim())), Double.doubleToRawLongBits(fast(s)), s);
		}
		for (String s : new String[] { "-0", "0.", ".5", "+12.250", "123456789012345", "1234567890123456", "0.1000000000000000055511151231257827", "1e-3",
				"-2.5E2", "007.50" })
			assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(fast(s)), s);
		for (String s : new String[] { "", ".", "-", "1.2.3", "12a", "--1" }) assertThrows(NumberFormatException.class, () -> fast(s), s);
	}
}
