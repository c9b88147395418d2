package org.khareetaty.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: a menu, navigation between the panes that exist, the pane, and the status bar. A pane is
 * built when it is first shown, or before, hidden behind the shown pane, when the window is asked to
 * {@link #prepare} it.
 */
public final class MainWindow extends BorderPane {

    private final Map<String, Node> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();
    /** The shown pane, with prepared panes not yet shown hidden behind it (styled and laid out, never drawn). */
    private final StackPane content = new StackPane();
    private Node shown;

    public MainWindow(List<NavigationItem> items, List<Menu> menus, StatusBar statusBar) {
        setId("main-window");
        MenuBar menuBar = new MenuBar();
        menuBar.getMenus().addAll(menus);
        setTop(menuBar);

        VBox nav = new VBox(4);
        nav.setId("navigation");
        nav.setPadding(new Insets(8));
        nav.setPrefWidth(150);
        nav.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: transparent -color-border-default transparent transparent;");
        for (NavigationItem item : items) {
            ToggleButton button = new ToggleButton(item.title());
            button.setId("nav-" + item.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navigation);
            button.setUserData(item);
            buttons.put(item.id(), button);
            nav.getChildren().add(button);
        }
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);  // one pane is always shown
                return;
            }
            NavigationItem item = (NavigationItem) now.getUserData();
            showPane(built.computeIfAbsent(item.id(), id -> item.view().get()));
        });
        content.setId("pane-content");
        setCenter(content);
        setLeft(nav);
        setBottom(statusBar);
        if (!navigation.getToggles().isEmpty()) {
            navigation.getToggles().get(0).setSelected(true);
        }
    }

    private void showPane(Node pane) {
        if (shown != null) {
            content.getChildren().remove(shown);
        }
        shown = pane;
        if (!content.getChildren().contains(pane)) {
            content.getChildren().add(pane);
        }
        pane.setVisible(true);
        pane.toFront();
    }

    /** The pane shown now. */
    public Node shownPane() {
        return shown;
    }

    /**
     * Builds the pane with the given id now and keeps it hidden behind the shown pane: it is styled and laid out with
     * the window and loads what it shows, so opening it later costs a frame, not the building (the map, ADR 0025).
     */
    public void prepare(String id) {
        ToggleButton button = buttons.get(id);
        if (button == null || built.containsKey(id)) {
            return;
        }
        NavigationItem item = (NavigationItem) button.getUserData();
        Node pane = item.view().get();
        built.put(id, pane);
        pane.setVisible(false);
        content.getChildren().add(0, pane);
    }

    /** Shows the pane with the given id, e.g. when another pane links to it. */
    public void show(String id) {
        ToggleButton button = buttons.get(id);
        if (button != null) {
            button.setSelected(true);
        }
    }

    static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
