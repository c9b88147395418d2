package org.khareetaty.charts;

import java.util.List;

/** The most frequent categories in the window, largest first, and the incidents of all the others. */
public record CategoryCounts(DateWindow window, List<CategoryCount> top, long otherCount) {

    public CategoryCounts {
        top = List.copyOf(top);
    }

    /** One category's count. */
    public record CategoryCount(CategoryInfo category, long count) {
    }
}
