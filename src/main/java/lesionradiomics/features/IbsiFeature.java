package lesionradiomics.features;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an IBSI family as the IBSI 1 feature {@link #name()} with identifier {@link #code()} (as the
 * IBSI reference manual prints them). The column suffix is the method name with a capital first letter. The
 * dictionary shipped as {@code lesionradiomics/ibsi_features.tsv} is made of these annotations (a test holds them
 * equal).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface IbsiFeature {
	String name();
	String code();
}
