package org.khareetaty.report.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Turns text in logical order (as typed and stored) into the visual order of shaped glyphs that a PDF
 * content stream draws left to right. PDFBox does not shape Arabic itself: without this, Arabic area
 * names would come out as isolated letters in reversed order.
 */
public final class BidiText {

    private BidiText() {
    }

    /** True when the text holds any right-to-left character (Arabic, Hebrew, ...). */
    public static boolean hasRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            byte direction = Character.getDirectionality(text.charAt(i));
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** True when the first strong character is right-to-left, i.e. the paragraph reads from the right. */
    public static boolean isRightToLeftParagraph(String text) {
        for (int i = 0; i < text.length(); i++) {
            byte direction = Character.getDirectionality(text.charAt(i));
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** Arabic letters replaced by their contextual forms (still logical order). */
    public static String shape(String logical) {
        if (!hasRightToLeft(logical)) {
            return logical;
        }
        try {
            ArabicShaping shaping = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);
            return shaping.shape(logical);
        } catch (ArabicShapingException e) {
            // Only raised for fixed-length modes; keep the unshaped text rather than lose it.
            return logical;
        }
    }

    /** Shaped glyphs in visual (left-to-right drawing) order, one line of text. */
    public static String visual(String logical) {
        if (!hasRightToLeft(logical)) {
            return logical;
        }
        String shaped = shape(logical);
        Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }
}
