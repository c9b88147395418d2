package org.khareetaty.charts;

/** A category as charts label it: its code (what filters use), label and group. */
public record CategoryInfo(String code, String label, String group) {

    /** Everything outside the top categories, stacked as one band. It cannot be clicked into a filter. */
    public static final CategoryInfo OTHER = new CategoryInfo("", "Other categories", "");

    public boolean isOther() {
        return code.isEmpty();
    }
}
