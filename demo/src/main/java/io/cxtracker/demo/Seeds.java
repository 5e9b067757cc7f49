package io.cxtracker.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random numbers that depend only on the seed and on what they are for (a series and a day, a milestone),
 * never on the order things are generated in: changing one parameter does not reshuffle everything else.
 * SplittableRandom's algorithm is fixed by its specification, so the numbers are the same on every JDK.
 */
final class Seeds {
    private Seeds() {
    }

    /** A generator for one purpose, e.g. {@code random(seed, SURVEY, series, epochDay)}. */
    static SplittableRandom random(long seed, long... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return new SplittableRandom(h);
    }

    /** The SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static long stringKey(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }
}
