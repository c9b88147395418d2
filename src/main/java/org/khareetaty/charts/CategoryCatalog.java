package org.khareetaty.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Labels and groups of category codes, from the category table; unknown codes are labelled with the code. */
public final class CategoryCatalog {

    public static final CategoryCatalog EMPTY = new CategoryCatalog(Map.of());

    private final Map<String, CategoryInfo> byCode;

    public CategoryCatalog(Map<String, CategoryInfo> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public CategoryInfo info(String code) {
        CategoryInfo known = byCode.get(code);
        return known != null ? known : new CategoryInfo(code, code, "");
    }

    /** Every known category, by label. */
    public List<CategoryInfo> all() {
        return byCode.values().stream().sorted(Comparator.comparing(CategoryInfo::label)).toList();
    }

    /** The codes of the {@code top} largest counts, largest first (ties by code, so the choice is stable). */
    static List<String> topCodes(Map<String, Long> countsByCode, int top) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(countsByCode.entrySet());
        entries.removeIf(entry -> entry.getValue() == 0);
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().limit(top).map(Map.Entry::getKey).toList();
    }
}
