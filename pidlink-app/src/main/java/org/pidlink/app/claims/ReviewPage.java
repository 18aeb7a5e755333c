package org.pidlink.app.claims;

import java.util.List;

/** One page of the works awaiting the researcher's review, newest first, and how many await it in all. */
public record ReviewPage(List<ReviewItem> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
