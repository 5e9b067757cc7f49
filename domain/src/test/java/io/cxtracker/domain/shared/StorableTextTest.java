package io.cxtracker.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextAndPairedSurrogatesAreStorable() {
        assertNull(StorableText.defect(null));
        assertNull(StorableText.defect(""));
        assertNull(StorableText.defect("Wartezeit zu lang – ÄÖÜ ß"));
        // U+1F600 is the pair \ud83d\ude00: one character, stored as four UTF-8 bytes
        assertNull(StorableText.defect("great \ud83d\ude00 service"));
    }

    @Test
    void aLoneHighSurrogateIsNamedWithItsPosition() {
        assertEquals("holds a lone UTF-16 surrogate \\ud800 at character 1, which is not a character and cannot be stored;"
                + " send valid Unicode text", StorableText.defect("\ud800"));
        assertEquals("holds a lone UTF-16 surrogate \\ud83d at character 4, which is not a character and cannot be stored;"
                + " send valid Unicode text", StorableText.defect("abc\ud83d"));
    }

    @Test
    void aLoneLowSurrogateAndAReversedPairAreRefused() {
        assertEquals("holds a lone UTF-16 surrogate \\udc00 at character 2, which is not a character and cannot be stored;"
                + " send valid Unicode text", StorableText.defect("a\udc00b"));
        // low before high is two halves, not a pair
        assertEquals("holds a lone UTF-16 surrogate \\ude00 at character 1, which is not a character and cannot be stored;"
                + " send valid Unicode text", StorableText.defect("\ude00\ud83d"));
    }

    @Test
    void aNulCharacterIsRefused() {
        assertEquals("must not contain NUL characters", StorableText.defect("key\u0000"));
    }
}
