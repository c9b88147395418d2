package org.khareetaty.store;

import java.nio.file.Path;

/** Another Khareetaty process already has this data folder open. */
public final class DataFolderInUseException extends StoreException {
    private final Path folder;

    public DataFolderInUseException(Path folder, String holder) {
        super("The data folder " + folder + " is already open in another Khareetaty process (" + holder
                + "). Close that window or finish that command first, or use --data-dir to choose another folder.");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
