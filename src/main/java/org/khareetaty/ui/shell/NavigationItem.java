package org.khareetaty.ui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;

/** A pane the main window can show; its view is built the first time it is opened. */
public record NavigationItem(String id, String title, Supplier<Node> view) {
}
