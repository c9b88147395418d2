package org.khareetaty.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Works around a JavaFX 21 dirty-region bug: when a pane that has just been shown fills in from a background task
 * (a table leaving its placeholder while a wrapped label above it grows), only part of the change reaches the
 * screen and the rest stays stale until the pointer passes over it. Seen with the software pipeline (virtual
 * machines, remote desktops, Xvfb); {@code -Dprism.dirtyopts=false} hides it at the cost of repainting the whole
 * window on every pulse. A one-pulse opacity change marks the node's whole bounds dirty instead.
 */
public final class FullRepaint {

    private FullRepaint() {
    }

    /** Repaints all of {@code node} on the pulse after each change of {@code trigger}. */
    public static void after(ObservableValue<?> trigger, Node node) {
        trigger.addListener((obs, old, now) -> Platform.runLater(() -> {
            double opacity = node.getOpacity();
            node.setOpacity(opacity * 0.999);
            Platform.runLater(() -> node.setOpacity(opacity));
        }));
    }
}
