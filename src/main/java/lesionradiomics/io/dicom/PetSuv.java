package lesionradiomics.io.dicom;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * PET activity concentration to standardised uptake value, as QIBA's vendor-neutral SUV pseudo-code (QIBA FDG-PET/CT
 * profile, "SUV calculation") defines it:
 * <pre>
 *   SUVbw = C [Bq/ml] · weight [g] / decayed dose [Bq],  decayed dose = total dose · 2^(−Δt / half-life)
 * </pre>
 * with Δt from the injection (RadiopharmaceuticalStartDateTime, else SeriesDate + RadiopharmaceuticalStartTime) to the
 * scan start: SeriesDate/Time, unless that lies after the earliest AcquisitionDate/Time (the series time was reset by
 * post-processing), then the earliest acquisition. DecayCorrection START decays the dose to that time; ADMIN means the
 * images are decay-corrected to the injection, so the dose is used as is. SUL (lean body mass, James 1976 as PERCIST
 * 1.0 uses it: male 1.10 W − 128 (W/H)², female 1.07 W − 148 (W/H)², W in kg, H in cm) replaces the weight.
 * Units GML are already SUVbw and left as they are (reported); counts or missing tags are refused plainly.
 */
public final class PetSuv {

	private PetSuv() {}

	/** Which SUV: body weight, lean body mass (SUL), or none (activity concentration as stored). */
	public enum Kind { BW, SUL, NONE }

	/** The factor that multiplies Bq/ml, and what the user should know (null when nothing). */
	public record Conversion(double factor, String note) {}

	/** The conversion for a PET series; {@code slices} are its datasets (acquisition times are read from all). */
	public static Conversion conversion(List<DicomObject> slices, Kind kind) throws DicomFormatException {
		DicomObject d = slices.get(0);
		String units = d.string(Tags.UNITS, "");
		if (kind == Kind.NONE) return new Conversion(1, "PET series kept in its units (" + (units.isEmpty() ? "none given" : units) + "), not converted to SUV");
		if (units.equals("GML")) {
			if (kind == Kind.SUL) throw new DicomFormatException(d.file(), "the PET series is already in SUVbw (Units GML); SUL cannot be derived from it here");
			return new Conversion(1, "PET series already in SUV (Units GML: g/ml, body weight); used as stored");
		}
		if (!units.equals("BQML"))
			throw new DicomFormatException(d.file(), "PET Units (0054,1001) is '" + units + "'; SUV needs activity concentration (BQML)"
					+ (units.equals("CNTS") ? " — counts need the vendor's calibration" : "") + "; use --suv none to keep the stored values");
		double weightKg = d.decimal(Tags.PATIENT_WEIGHT, 0);
		if (!(weightKg > 0)) throw new DicomFormatException(d.file(), "no PatientWeight (0010,1030): SUV needs the body weight; use --suv none to keep Bq/ml");
		DicomObject rp = d.first(Tags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE);
		if (rp == null) throw new DicomFormatException(d.file(), "no RadiopharmaceuticalInformationSequence (0054,0016): SUV needs dose and injection time");
		double dose = rp.decimal(Tags.RADIONUCLIDE_TOTAL_DOSE, 0), halfLife = rp.decimal(Tags.RADIONUCLIDE_HALF_LIFE, 0);
		if (!(dose > 0)) throw new DicomFormatException(d.file(), "no RadionuclideTotalDose (0018,1074): SUV needs the injected dose");
		if (!(halfLife > 0)) throw new DicomFormatException(d.file(), "no RadionuclideHalfLife (0018,1075): SUV needs the half-life");
		String decay = d.string(Tags.DECAY_CORRECTION, "");
		double decayedDose;
		String when;
		if (decay.equals("ADMIN")) {
			decayedDose = dose;
			when = "decay-corrected to injection (ADMIN)";
		} else if (decay.equals("START")) {
			LocalDateTime injection = injection(d, rp);
			LocalDateTime scan = scanStart(slices);
			double seconds = Duration.between(injection, scan).toMillis() / 1000.0;
			if (seconds < 0)
				throw new DicomFormatException(d.file(), "the injection (" + injection + ") lies after the scan start (" + scan + "); check the radiopharmaceutical start time");
			decayedDose = dose * Math.pow(2, -seconds / halfLife);
			when = String.format(Locale.ROOT, "dose decayed over %.0f s from injection to scan start", seconds);
		} else throw new DicomFormatException(d.file(), "DecayCorrection (0054,1102) is '" + decay + "'; SUV is defined here for START and ADMIN");
		double grams = weightKg * 1000;
		String what = "SUVbw";
		if (kind == Kind.SUL) {
			double heightCm = d.decimal(Tags.PATIENT_SIZE, 0) * 100;
			String sex = d.string(Tags.PATIENT_SEX, "");
			if (!(heightCm > 0)) throw new DicomFormatException(d.file(), "no PatientSize (0010,1020): SUL needs the height");
			if (!sex.equals("M") && !sex.equals("F")) throw new DicomFormatException(d.file(), "PatientSex (0010,0040) is '" + sex + "': SUL's formula needs M or F");
			grams = 1000 * leanBodyMassJames(weightKg, heightCm, sex.equals("M"));
			what = String.format(Locale.ROOT, "SUL (lean body mass %.1f kg, James)", grams / 1000);
		}
		return new Conversion(grams / decayedDose, "PET converted from Bq/ml to " + what + "; " + when);
	}

	/** Lean body mass (kg) by James (1976), as PERCIST 1.0 uses it. */
	static double leanBodyMassJames(double weightKg, double heightCm, boolean male) {
		double r = weightKg / heightCm;
		return male ? 1.10 * weightKg - 128 * r * r : 1.07 * weightKg - 148 * r * r;
	}

	private static LocalDateTime injection(DicomObject d, DicomObject rp) throws DicomFormatException {
		String dt = rp.string(Tags.RADIOPHARMACEUTICAL_START_DATETIME, "");
		if (!dt.isEmpty()) return dateTime(d, dt);
		String t = rp.string(Tags.RADIOPHARMACEUTICAL_START_TIME, "");
		String date = d.string(Tags.SERIES_DATE, "");
		if (t.isEmpty() || date.isEmpty())
			throw new DicomFormatException(d.file(), "no RadiopharmaceuticalStartDateTime (0018,1078) nor start time and series date: SUV needs the injection time");
		return LocalDateTime.of(date(d, date), time(d, t));
	}

	/** Series date/time, or the earliest acquisition date/time when the series time lies after it (QIBA). */
	private static LocalDateTime scanStart(List<DicomObject> slices) throws DicomFormatException {
		DicomObject d = slices.get(0);
		String sd = d.string(Tags.SERIES_DATE, ""), st = d.string(Tags.SERIES_TIME, "");
		if (sd.isEmpty() || st.isEmpty()) throw new DicomFormatException(d.file(), "no SeriesDate/SeriesTime: SUV needs the scan start");
		LocalDateTime series = LocalDateTime.of(date(d, sd), time(d, st));
		LocalDateTime earliest = null;
		for (DicomObject s : slices) {
			String ad = s.string(Tags.ACQUISITION_DATE, sd), at = s.string(Tags.ACQUISITION_TIME, "");
			if (at.isEmpty()) continue;
			LocalDateTime a = LocalDateTime.of(date(s, ad), time(s, at));
			if (earliest == null || a.isBefore(earliest)) earliest = a;
		}
		return earliest != null && series.isAfter(earliest) ? earliest : series;
	}

	private static LocalDate date(DicomObject d, String s) throws DicomFormatException {
		try {
			return LocalDate.parse(s.trim().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
		} catch (RuntimeException e) {
			throw new DicomFormatException(d.file(), "unreadable DICOM date '" + s + "'");
		}
	}

	/** TM: HHMMSS.FFFFFF, minutes and seconds optional. */
	static LocalTime time(DicomObject d, String s) throws DicomFormatException {
		try {
			String t = s.trim().replace(":", "");
			int h = Integer.parseInt(t.substring(0, 2)), m = t.length() >= 4 ? Integer.parseInt(t.substring(2, 4)) : 0;
			double sec = t.length() > 4 ? Double.parseDouble(t.substring(4)) : 0;
			return LocalTime.of(h, m, (int) sec, (int) Math.round((sec - (int) sec) * 1e9) % 1_000_000_000);
		} catch (RuntimeException e) {
			throw new DicomFormatException(d.file(), "unreadable DICOM time '" + s + "'");
		}
	}

	/** DT: YYYYMMDDHHMMSS.FFFFFF (time part optional; a UTC offset is ignored, both times come from one scanner). */
	private static LocalDateTime dateTime(DicomObject d, String s) throws DicomFormatException {
		String t = s.trim();
		int tz = Math.max(t.indexOf('+', 8), t.indexOf('-', 8));
		if (tz > 0) t = t.substring(0, tz);
		LocalDate date = date(d, t);
		return LocalDateTime.of(date, t.length() > 8 ? time(d, t.substring(8)) : LocalTime.MIDNIGHT);
	}
}
