package org.pidlink.core.metadata;

/**
 * Bounds on what a {@link MetadataReader} accepts, so a hostile or broken document cannot exhaust memory or stack.
 *
 * @param maxDocumentBytes the largest document read, in bytes (the 2.6 MB DataCite records exist; 10 MB by default)
 * @param maxNestingDepth  the deepest element (XML) or object/array (JSON) nesting accepted; real records stay
 *                         far below the default of 100, JATS abstracts with MathML included
 */
public record ReaderLimits(int maxDocumentBytes, int maxNestingDepth) {

    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

    public ReaderLimits {
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive: " + maxDocumentBytes);
        }
        if (maxNestingDepth < 2) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 2: " + maxNestingDepth);
        }
    }

    /** 10 MB, depth 100. */
    public static ReaderLimits defaults() {
        return new ReaderLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH);
    }
}
