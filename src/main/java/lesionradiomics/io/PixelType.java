package lesionradiomics.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;

/** Scalar pixel types of NRRD and NIfTI files, and how to wrap their raw bytes as ImgLib2 images. */
public enum PixelType {
	INT8(1, true), UINT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true), UINT32(4, true), INT64(8, true),
	UINT64(8, true), FLOAT32(4, false), FLOAT64(8, false);

	private final int bytes;
	private final boolean integer;

	PixelType(int bytes, boolean integer) {
		this.bytes = bytes;
		this.integer = integer;
	}

	public int bytes() { return bytes; }
	public boolean isInteger() { return integer; }

	/** NRRD's type names (all synonyms of the NRRD0004 specification). */
	public static PixelType fromNrrd(String name) {
		switch (name.trim().toLowerCase()) {
		case "signed char": case "int8": case "int8_t": return INT8;
		case "uchar": case "unsigned char": case "uint8": case "uint8_t": return UINT8;
		case "short": case "short int": case "signed short": case "signed short int": case "int16": case "int16_t": return INT16;
		case "ushort": case "unsigned short": case "unsigned short int": case "uint16": case "uint16_t": return UINT16;
		case "int": case "signed int": case "int32": case "int32_t": return INT32;
		case "uint": case "unsigned int": case "uint32": case "uint32_t": return UINT32;
		case "longlong": case "long long": case "long long int": case "signed long long": case "signed long long int":
		case "int64": case "int64_t": return INT64;
		case "ulonglong": case "unsigned long long": case "unsigned long long int": case "uint64": case "uint64_t": return UINT64;
		case "float": return FLOAT32;
		case "double": return FLOAT64;
		default: return null;
		}
	}

	/** Wraps {@code data} (exactly {@code n * bytes()} bytes) as an image of the given dimensions, without a second copy. */
	public Img<? extends RealType<?>> wrap(byte[] data, ByteOrder order, long[] dims) {
		ByteBuffer buf = ByteBuffer.wrap(data).order(order);
		int n = data.length / bytes;
		switch (this) {
		case INT8: return ArrayImgs.bytes(data, dims);
		case UINT8: return ArrayImgs.unsignedBytes(data, dims);
		case INT16: { short[] a = new short[n]; buf.asShortBuffer().get(a); return ArrayImgs.shorts(a, dims); }
		case UINT16: { short[] a = new short[n]; buf.asShortBuffer().get(a); return ArrayImgs.unsignedShorts(a, dims); }
		case INT32: { int[] a = new int[n]; buf.asIntBuffer().get(a); return ArrayImgs.ints(a, dims); }
		case UINT32: { int[] a = new int[n]; buf.asIntBuffer().get(a); return ArrayImgs.unsignedInts(a, dims); }
		case INT64: { long[] a = new long[n]; buf.asLongBuffer().get(a); return ArrayImgs.longs(a, dims); }
		case UINT64: { long[] a = new long[n]; buf.asLongBuffer().get(a); return ArrayImgs.unsignedLongs(a, dims); }
		case FLOAT32: { float[] a = new float[n]; buf.asFloatBuffer().get(a); return ArrayImgs.floats(a, dims); }
		case FLOAT64: { double[] a = new double[n]; buf.asDoubleBuffer().get(a); return ArrayImgs.doubles(a, dims); }
		default: throw new AssertionError(this);
		}
	}
}
