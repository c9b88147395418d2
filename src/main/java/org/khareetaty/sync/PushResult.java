package org.khareetaty.sync;

import java.util.List;

/**
 * What the server did with one pushed batch. {@code replay} is true when the batch had been applied
 * before (the earlier acknowledgement was lost): nothing was changed a second time.
 */
public record PushResult(int changes, int applied, int duplicates, List<SyncConflict> conflicts, boolean replay) {
}
