package lesionradiomics.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** A box read row by row (or from the primitive array) holds what a flat cursor over the box's view gives. */
class BoxReaderTest {

	private static final long[] MIN = { 2, 1, 3 }, MAX = { 6, 4, 5 };

	private static double[] byCursor(RandomAccessibleInterval<? extends RealType<?>> image) {
		Cursor<? extends RealType<?>> c = Views.flatIterable(Views.interval(image, MIN, MAX)).cursor();
		double[] out = new double[5 * 4 * 3];
		for (int i = 0; i < out.length; i++) out[i] = c.next().getRealDouble();
		return out;
	}

	private static <T extends RealType<T>> Img<T> filled(Img<T> img) {
		SplittableRandom random = new SplittableRandom(3);
		for (T t : img) t.setReal(random.nextInt(-40000, 70000) + 0.25);
		return img;
	}

	@Test
	void everyStorageGivesTheCursorsValues() {
		long[] size = { 9, 7, 8 };
		for (RandomAccessibleInterval<? extends RealType<?>> image : java.util.List.<RandomAccessibleInterval<? extends RealType<?>>>of(
				filled(ArrayImgs.shorts(size)), filled(ArrayImgs.unsignedShorts(size)), filled(ArrayImgs.floats(size)), filled(ArrayImgs.doubles(size)),
				filled(ArrayImgs.unsignedBytes(size)), Views.translate(filled(ArrayImgs.shorts(size)), 0, 0, 0)))
			assertArrayEquals(byCursor(image), BoxReader.values(image, MIN, MAX), 0, image.toString());
	}

	@Test
	void labelsAreTheCursorsLabels() {
		long[] size = { 9, 7, 8 };
		// every primitive storage the row reader reads directly, signed and unsigned, and the random-access route
		for (RandomAccessibleInterval<? extends IntegerType<?>> labels : java.util.List.<RandomAccessibleInterval<? extends IntegerType<?>>>of(
				filled(ArrayImgs.ints(size)), filled(ArrayImgs.unsignedInts(size)), filled(ArrayImgs.shorts(size)), filled(ArrayImgs.unsignedShorts(size)),
				filled(ArrayImgs.bytes(size)), filled(ArrayImgs.unsignedBytes(size)), filled(ArrayImgs.longs(size)),
				Views.translate(filled(ArrayImgs.ints(size)), 0, 0, 0))) {
			Cursor<? extends IntegerType<?>> c = Views.flatIterable(Views.interval(labels, MIN, MAX)).cursor();
			long[] expected = new long[5 * 4 * 3];
			for (int i = 0; i < expected.length; i++) expected[i] = c.next().getIntegerLong();
			assertArrayEquals(expected, BoxReader.labels(labels, MIN, MAX), labels.toString());
		}
	}
}
