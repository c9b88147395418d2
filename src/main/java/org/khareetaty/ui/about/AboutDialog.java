package org.khareetaty.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.khareetaty.common.AppInfo;

/** Versions of the app and its components, the product licence and the third-party notices. */
public final class AboutDialog {

    private AboutDialog() {
    }

    public static void show(Window owner, AppInfo info) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About " + info.name());
        alert.setHeaderText(info.name() + " " + info.version());
        StringBuilder versions = new StringBuilder();
        for (Map.Entry<String, String> entry : info.componentVersions().entrySet()) {
            versions.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        Label licence = new Label("Licensed under the " + info.license() + " (GNU General Public License v3 or later).\n"
                + "It uses Smile and Gluon Maps (GPLv3) and the components below, each under its own licence.");
        licence.setWrapText(true);
        TextArea details = new TextArea(versions + "\n" + notice("/META-INF/THIRD-PARTY.txt") + "\n\n"
                + notice("/META-INF/THIRD-PARTY-FONTS.txt"));
        details.setEditable(false);
        details.setPrefSize(620, 360);
        alert.getDialogPane().setContent(new VBox(8, licence, details));
        alert.show();
    }

    private static String notice(String resource) {
        try (InputStream in = AboutDialog.class.getResourceAsStream(resource)) {
            return in == null ? "Third-party notice not found in this build." : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Third-party notice unreadable: " + e.getMessage();
        }
    }
}
