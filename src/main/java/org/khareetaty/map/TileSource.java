package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.util.Optional;

/** Where basemap tiles come from: drawn locally, a tile server, or an MBTiles file. */
public interface TileSource {

    /** The 256-pixel tile (z, x, y) in the XYZ scheme, or empty when this source cannot give it now. */
    Optional<BufferedImage> tile(int z, long x, long y);

    /** The credit line to show on the map. */
    String attribution();
}
