package dev.amelie.vm.function;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C math library functions PostgreSQL's float8 functions call (float.c), called through
 * the platform's own libm (java.lang.foreign), so that results are PostgreSQL's to the last
 * bit on the same platform. Java's Math differs from glibc in the last bit for a fraction of a
 * percent of sin, cos, tan and exp arguments and for several percent of asin, acos, cbrt and
 * the hyperbolic functions, which shows in the shortest round-trip output; a downcall costs
 * about 15 ns. Where the C library cannot be reached (no such symbol, or native access denied)
 * the Java functions are used instead, within an ulp or two of the C ones.
 *
 * <p>The server is started with --enable-native-access=ALL-UNNAMED; without it the JDK prints
 * a warning the first time, and calls still work.
 */
final class Libm {
    private Libm() {}

    private static final MethodHandle SIN = unary("sin");
    private static final MethodHandle COS = unary("cos");
    private static final MethodHandle TAN = unary("tan");
    private static final MethodHandle ASIN = unary("asin");
    private static final MethodHandle ACOS = unary("acos");
    private static final MethodHandle ATAN = unary("atan");
    private static final MethodHandle ATAN2 = binary("atan2");
    private static final MethodHandle SINH = unary("sinh");
    private static final MethodHandle COSH = unary("cosh");
    private static final MethodHandle TANH = unary("tanh");
    private static final MethodHandle ASINH = unary("asinh");
    private static final MethodHandle ACOSH = unary("acosh");
    private static final MethodHandle ATANH = unary("atanh");
    private static final MethodHandle EXP = unary("exp");
    private static final MethodHandle LOG = unary("log");
    private static final MethodHandle LOG10 = unary("log10");
    private static final MethodHandle POW = binary("pow");
    private static final MethodHandle CBRT = unary("cbrt");

    /** Whether the C library's functions are in use (else Java's). */
    static boolean isNative() {
        return SIN != null;
    }

    static double sin(double x) {
        return SIN == null ? Math.sin(x) : call(SIN, x);
    }

    static double cos(double x) {
        return COS == null ? Math.cos(x) : call(COS, x);
    }

    static double tan(double x) {
        return TAN == null ? Math.tan(x) : call(TAN, x);
    }

    static double asin(double x) {
        return ASIN == null ? Math.asin(x) : call(ASIN, x);
    }

    static double acos(double x) {
        return ACOS == null ? Math.acos(x) : call(ACOS, x);
    }

    static double atan(double x) {
        return ATAN == null ? Math.atan(x) : call(ATAN, x);
    }

    static double atan2(double y, double x) {
        return ATAN2 == null ? Math.atan2(y, x) : call(ATAN2, y, x);
    }

    static double sinh(double x) {
        return SINH == null ? Math.sinh(x) : call(SINH, x);
    }

    static double cosh(double x) {
        return COSH == null ? Math.cosh(x) : call(COSH, x);
    }

    static double tanh(double x) {
        return TANH == null ? Math.tanh(x) : call(TANH, x);
    }

    static double asinh(double x) {
        return ASINH == null ? javaAsinh(x) : call(ASINH, x);
    }

    static double acosh(double x) {
        return ACOSH == null ? javaAcosh(x) : call(ACOSH, x);
    }

    static double atanh(double x) {
        return ATANH == null ? javaAtanh(x) : call(ATANH, x);
    }

    static double exp(double x) {
        return EXP == null ? Math.exp(x) : call(EXP, x);
    }

    static double log(double x) {
        return LOG == null ? Math.log(x) : call(LOG, x);
    }

    static double log10(double x) {
        return LOG10 == null ? Math.log10(x) : call(LOG10, x);
    }

    static double pow(double x, double y) {
        return POW == null ? Math.pow(x, y) : call(POW, x, y);
    }

    static double cbrt(double x) {
        return CBRT == null ? Math.cbrt(x) : call(CBRT, x);
    }

    private static double call(MethodHandle function, double x) {
        try {
            return (double) function.invokeExact(x);
        } catch (Throwable e) {
            throw new IllegalStateException("C library call failed", e);
        }
    }

    private static double call(MethodHandle function, double x, double y) {
        try {
            return (double) function.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("C library call failed", e);
        }
    }

    private static MethodHandle unary(String name) {
        return downcall(name, FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    private static MethodHandle binary(String name) {
        return downcall(name, FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    /**
     * A handle on the C function, or null when it cannot be had. These functions neither block
     * nor call back into Java, so the critical (no thread-state transition) linkage is safe.
     */
    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lookup = linker.defaultLookup();
            return lookup.find(name)
                    .map(symbol -> linker.downcallHandle(symbol, descriptor, Linker.Option.critical(false)))
                    .orElse(null);
        } catch (RuntimeException e) { // IllegalCallerException when native access is denied
            return null;
        }
    }

    // Java has no asinh, acosh, atanh: fdlibm's formulas (s_asinh.c, e_acosh.c) and glibc's atanh.

    private static final double LN2 = 6.93147180559945286227e-01;

    private static double javaAsinh(double x) {
        double magnitude = Math.abs(x);
        if (!Double.isFinite(x)) {
            return x + x;
        }
        if (magnitude < 0x1p-28) {
            return x;
        }
        double w;
        if (magnitude > 0x1p28) {
            w = Math.log(magnitude) + LN2;
        } else if (magnitude > 2.0) {
            w = Math.log(2.0 * magnitude + 1 / (Math.sqrt(magnitude * magnitude + 1) + magnitude));
        } else {
            double t = magnitude * magnitude;
            w = Math.log1p(magnitude + t / (1 + Math.sqrt(1 + t)));
        }
        return Math.copySign(w, x);
    }

    private static double javaAcosh(double x) {
        if (x < 1) {
            return Double.NaN;
        }
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x >= 0x1p28) {
            return Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2.0 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    private static double javaAtanh(double x) {
        double magnitude = Math.abs(x);
        if (Double.isNaN(x) || magnitude > 1) {
            return Double.NaN;
        }
        if (magnitude == 1) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        if (magnitude < 0x1p-28) {
            return x;
        }
        double t;
        if (magnitude < 0.5) {
            t = magnitude + magnitude;
            t = 0.5 * Math.log1p(t + t * magnitude / (1.0 - magnitude));
        } else {
            t = 0.5 * Math.log1p((magnitude + magnitude) / (1.0 - magnitude));
        }
        return Math.copySign(t, x);
    }
}
