package lesionradiomics.features;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a feature family as a feature. Its pyradiomics name is {@link #value()} when given, else the
 * method name with a capital first letter ({@code jointEnergy()} → {@code JointEnergy}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Feature {
	String value() default "";
}
