package org.khareetaty.analysis.hotspot;

/** The hotspot analyses; stored in {@code analysis_run.kind}. */
public enum RunKind {
    DBSCAN("DBSCAN clusters"),
    KDE("Kernel density"),
    GISTAR("Getis-Ord Gi*");

    private final String title;

    RunKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
